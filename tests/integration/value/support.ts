/** A fixture workspace whose customers follow the simulated value history (with a signal). */
import type { Db } from "#db/client";
import { simulateValueHistory } from "../../helpers/value-history";
import { addWorkspace } from "../segments/fixtures";

const MS_PER_DAY = 86_400_000;

/**
 * Writes `customers` simulated customers (every seventh without data-processing consent),
 * their sales and their messages. Returns the workspace and the customer ids by position.
 */
export function addValueWorkspace(
  db: Db,
  slug: string,
  customers = 400,
): { workspaceId: number; customerIds: number[] } {
  const workspaceId = addWorkspace(db, slug);
  return { workspaceId, customerIds: fillValueWorkspace(db, workspaceId, customers) };
}

/** Writes the simulated customers, sales and messages into an existing workspace. */
export function fillValueWorkspace(db: Db, workspaceId: number, customers = 400): number[] {
  const history = simulateValueHistory({ customers, days: 730, seed: 21 });
  const sqlite = db.$client;
  const customerIds: number[] = [];
  sqlite.transaction(() => {
    const addCustomer = sqlite.prepare(
      `INSERT INTO customers (workspace_id, name, consent_data_processing) VALUES (?, ?, ?)
       RETURNING id`,
    );
    const addSource = sqlite.prepare(
      `INSERT INTO customer_sources (workspace_id, customer_id, source, external_id, matched_by,
       record, row_hash) VALUES (?, ?, 'crm', ?, 'new', '{}', ?)`,
    );
    for (let c = 0; c < customers; c++) {
      const id = (
        addCustomer.get(workspaceId, `Customer ${c}`, c % 7 === 6 ? 0 : 1) as {
          id: number;
        }
      ).id;
      customerIds.push(id);
      addSource.run(workspaceId, id, `K${c}`, `h${c}`);
    }
    const addSale = sqlite.prepare(
      `INSERT INTO transactions (workspace_id, transaction_key, order_id, customer_id,
       occurred_at, category, channel, amount, is_return) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    const s = history.sales;
    for (let r = 0; r < s.rows; r++)
      addSale.run(
        workspaceId,
        `t${r}`,
        `o${s.order[r]}`,
        customerIds[s.customer[r] as number],
        (s.day[r] as number) * MS_PER_DAY + 43_200_000,
        history.categories[s.category[r] as number],
        history.channels[s.channel[r] as number],
        s.amount[r],
      );
    const addResponse = sqlite.prepare(
      `INSERT INTO responses (workspace_id, response_key, customer_external_id, channel, sent_at,
       clicked, converted, row_hash) VALUES (?, ?, ?, 'sms', ?, ?, ?, ?)`,
    );
    const rs = history.responses;
    for (let r = 0; r < rs.rows; r++)
      addResponse.run(
        workspaceId,
        `r${r}`,
        `K${rs.customer[r]}`,
        (rs.day[r] as number) * MS_PER_DAY + 36_000_000,
        rs.clicked[r],
        rs.converted[r],
        `rh${r}`,
      );
  })();
  return customerIds;
}

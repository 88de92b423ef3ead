/**
 * What the customer value model reads, as columns: the analysable customers' sales (with
 * category, channel and order) and the messages sent to them. Responses name customers by
 * their id in a source file, so each is mapped to its profile through customer_sources.
 */
import type { WorkspaceScope } from "#db/scoped";
import { historyRows, packHistory, type ValueHistory } from "~/analytics/customer-value/features";
import { loadConsentedCustomers } from "~/segments/consented-customers.server";

const MS_PER_DAY = 86_400_000;

export interface ValueInputs {
  history: ValueHistory;
  /** customerIds[position] = customers.id. */
  customerIds: readonly number[];
  excludedCustomers: number;
}

class Codes {
  readonly names: string[] = [];
  private readonly map = new Map<string, number>();
  code(value: unknown): number {
    if (typeof value !== "string" || value === "") return -1;
    let found = this.map.get(value);
    if (found === undefined) {
      found = this.names.length;
      this.map.set(value, found);
      this.names.push(value);
    }
    return found;
  }
}

export function loadValueInputs(scope: WorkspaceScope): ValueInputs {
  const consented = loadConsentedCustomers(scope);
  const rows = historyRows();
  const { customer, day, amount, isReturn, category, channel, order } = rows.sales;
  const categories = new Codes();
  const channels = new Codes();
  const orders = new Codes();
  for (const row of scope
    .sql(
      `SELECT customer_id, occurred_at, amount, is_return, category, channel, order_id
       FROM transactions WHERE workspace_id = @workspace AND customer_id IS NOT NULL`,
    )
    .raw()
    .iterate() as Iterable<[number, number, number, number, unknown, unknown, unknown]>) {
    const position = consented.index.positionOf(row[0]);
    if (position < 0) continue;
    customer.push(position);
    day.push(Math.floor(row[1] / MS_PER_DAY));
    amount.push(row[2]);
    isReturn.push(row[3] ? 1 : 0);
    category.push(categories.code(row[4]));
    channel.push(channels.code(row[5]));
    order.push(orders.code(row[6]));
  }

  const profileOf = new Map<string, number>();
  for (const [externalId, customerId] of scope
    .sql("SELECT external_id, customer_id FROM customer_sources WHERE workspace_id = @workspace")
    .raw()
    .all<[string, number]>())
    profileOf.set(externalId, customerId);
  const {
    customer: rCustomer,
    day: rDay,
    clicked: rClicked,
    converted: rConverted,
  } = rows.responses;
  for (const [externalId, sentAt, clicked, converted] of scope
    .sql(
      "SELECT customer_external_id, sent_at, clicked, converted FROM responses WHERE workspace_id = @workspace",
    )
    .raw()
    .iterate<[string, number, number | null, number | null]>()) {
    const id = profileOf.get(externalId);
    const position = id === undefined ? -1 : consented.index.positionOf(id);
    if (position < 0) continue;
    rCustomer.push(position);
    rDay.push(Math.floor(sentAt / MS_PER_DAY));
    rClicked.push(clicked ? 1 : 0);
    rConverted.push(converted ? 1 : 0);
  }

  return {
    history: packHistory(rows, consented.index.ids.length, categories.names, channels.names),
    customerIds: [...consented.index.ids],
    excludedCustomers: consented.excludedWithoutConsent,
  };
}

import { join } from "node:path";
import { PERIOD_START } from "./calendar";
import { PRODUCTS, type Product } from "./catalog";
import { CsvWriter, ONLINE_CSV } from "./csv-writer";
import type { CustomerIds } from "./customers";
import { isoDateTime, moneyFromKurus } from "./format";
import type { Person } from "./people";
import type { Rng } from "./random";
import { APP, BRANCH, generateTransactionEvents, ONLINE, STORES } from "./transaction-events";

export const TRANSACTIONS_HEADER = [
  "transaction_id",
  "customer_id",
  "transaction_date",
  "product_code",
  "product_name",
  "category",
  "quantity",
  "unit_price",
  "amount",
  "currency",
  "channel",
];

/** Full size: about 300,000 rows over the two years. */
export const TRANSACTIONS_AT_SCALE_1 = 300_000;

function channelName(channel: number): string {
  if (channel === ONLINE) return "online";
  if (channel === APP) return "app";
  if (channel === BRANCH) return "offline";
  return STORES[channel]?.id ?? "offline";
}

/**
 * People in both files appear under the id of the source they used: their online id for
 * web and app orders, their branch number in stores and branches. Merging must join them.
 */
function customerId(personIndex: number, channel: number, ids: CustomerIds): string {
  if (personIndex < 0) return "";
  const online = ids.online[personIndex] ?? null;
  const offline = ids.offline[personIndex] ?? null;
  const digital = channel === ONLINE || channel === APP;
  return (digital ? (online ?? offline) : (offline ?? online)) ?? "";
}

export interface TransactionsResult {
  rows: number;
  bytes: number;
  returns: number;
  anonymous: number;
}

export async function writeTransactions(
  outDir: string,
  people: readonly Person[],
  ids: CustomerIds,
  target: number,
  rng: Rng,
): Promise<TransactionsResult> {
  const events = generateTransactionEvents(rng, people, target);
  const order = Uint32Array.from(events.time.keys());
  // Ties broken by generation order, so the sort is fully determined.
  order.sort((a, b) => (events.time[a] ?? 0) - (events.time[b] ?? 0) || a - b);
  const writer = CsvWriter.open(join(outDir, "transactions.csv"), ONLINE_CSV);
  await writer.header(TRANSACTIONS_HEADER);
  let returns = 0;
  let anonymous = 0;
  for (let rank = 0; rank < order.length; rank++) {
    const event = order[rank] as number;
    const time = events.time[event] ?? 0;
    const product = PRODUCTS[events.product[event] ?? 0] as Product;
    const quantity = events.quantity[event] ?? 0;
    const unitKurus = events.unitKurus[event] ?? 0;
    const channel = events.channel[event] ?? ONLINE;
    const personIndex = events.person[event] ?? -1;
    if (quantity < 0) returns++;
    if (personIndex < 0) anonymous++;
    const written = writer.row([
      `TX${String(rank + 1).padStart(8, "0")}`,
      customerId(personIndex, channel, ids),
      isoDateTime(PERIOD_START + Math.floor(time / 86_400), time % 86_400),
      product.code,
      product.name,
      product.category,
      quantity,
      moneyFromKurus(unitKurus),
      moneyFromKurus(quantity * unitKurus),
      "TRY",
      channelName(channel),
    ]);
    // Most rows only fill the buffer: awaiting them all would cost a microtask each.
    if (written) await written;
  }
  const { rows, bytes } = await writer.close();
  return { rows, bytes, returns, anonymous };
}

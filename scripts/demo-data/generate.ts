import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeAudiences } from "./audiences";
import { writeCampaigns } from "./campaigns";
import { assignCustomerIds, writeCustomerFiles } from "./customers";
import type { DefectKind } from "./defects";
import { generatePeople } from "./people";
import { writeProducts } from "./products";
import { Rng } from "./random";
import { RESPONSES_AT_SCALE_1, writeResponses } from "./responses";
import { TRANSACTIONS_AT_SCALE_1, writeTransactions } from "./transactions";

export interface DemoDataOptions {
  outDir: string;
  seed: number;
  /** 1 = about 20,000 people and 300,000 transactions; 0.01 for quick tests. */
  scale: number;
}

export interface FileSummary {
  file: string;
  rows: number;
  bytes: number;
}

export interface DemoDataSummary {
  seed: number;
  scale: number;
  outDir: string;
  seconds: number;
  files: FileSummary[];
  people: number;
  overlappingCustomers: number;
  offlineDefects: Record<DefectKind, number>;
  transactionReturns: number;
  anonymousTransactions: number;
  campaigns: number;
  /** Messages in responses.csv, how many converted, and recipients who never respond. */
  responses: { sent: number; converted: number; neverResponders: number };
}

export const PEOPLE_AT_SCALE_1 = 20_000;

/** Independent random streams, one per concern, so each file's draws stay put. */
const STREAM = {
  people: 0,
  customers: 1,
  transactions: 2,
  campaigns: 3,
  audiences: 4,
  responses: 5,
} as const;

/** Writes the six datasets (seven CSV files and the responses' truth) into outDir. Same seed and scale, same bytes. */
export async function generateDemoData(options: DemoDataOptions): Promise<DemoDataSummary> {
  const started = performance.now();
  await mkdir(options.outDir, { recursive: true });
  const root = Rng.fromSeed(options.seed);
  const people = generatePeople(
    root.stream(STREAM.people),
    Math.max(50, Math.round(PEOPLE_AT_SCALE_1 * options.scale)),
  );
  const customerRng = root.stream(STREAM.customers);
  const ids = assignCustomerIds(people, customerRng);
  const customers = await writeCustomerFiles(options.outDir, people, ids, customerRng);
  const transactions = await writeTransactions(
    options.outDir,
    people,
    ids,
    Math.max(500, Math.round(TRANSACTIONS_AT_SCALE_1 * options.scale)),
    root.stream(STREAM.transactions),
  );
  const products = await writeProducts(options.outDir);
  const campaigns = await writeCampaigns(options.outDir, root.stream(STREAM.campaigns));
  const audiences = await writeAudiences(options.outDir, root.stream(STREAM.audiences));
  const responses = await writeResponses(
    options.outDir,
    people,
    ids,
    customers.brokenPeople,
    Math.max(300, Math.round(RESPONSES_AT_SCALE_1 * options.scale)),
    root.stream(STREAM.responses),
  );
  const counts: [string, { rows: number }][] = [
    ["customers_online.csv", customers.online],
    ["customers_offline.csv", customers.offline],
    ["transactions.csv", transactions],
    ["products.csv", products],
    ["campaigns.csv", campaigns],
    ["channel_audiences.csv", audiences],
    ["responses.csv", responses],
  ];
  const files = await Promise.all(
    counts.map(async ([file, { rows }]) => ({
      file,
      rows,
      bytes: (await stat(join(options.outDir, file))).size,
    })),
  );
  return {
    seed: options.seed,
    scale: options.scale,
    outDir: options.outDir,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    files,
    people: people.length,
    overlappingCustomers: customers.overlapping,
    offlineDefects: customers.defects,
    transactionReturns: transactions.returns,
    anonymousTransactions: transactions.anonymous,
    campaigns: campaigns.campaigns,
    responses: {
      sent: responses.rows,
      converted: responses.conversions,
      neverResponders: responses.neverResponders,
    },
  };
}

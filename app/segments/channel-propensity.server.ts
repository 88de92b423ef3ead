/**
 * Propensity of channel users to buy each category or product (docs/analytics.md §10):
 * one logistic model per target, trained on the consented customers (label = bought it
 * before the reference day; returns are not purchases) over the attributes the uploaded
 * file shares with them, then applied to the file's users and averaged per channel.
 */
import type { WorkspaceScope } from "#db/scoped";
import { toUtcDay } from "~/analytics/columns";
import type { AttributeRecord, AttributeSpec } from "~/analytics/logistic";
import { channelProductPropensity } from "~/analytics/propensity";
import { readChannelUsersCsv } from "./channel-users-csv";
import { loadConsentedCustomers } from "./consented-customers.server";
import { loadCustomerColumns, numericAttributeNames } from "./customer-columns.server";
import { ageAt, genderBucket, residencyBucket } from "./demographics";
import { SegmentInputError } from "./errors";
import { loadTransactionColumns } from "./transaction-columns.server";

export interface ChannelPropensityOptions {
  target: "category" | "product";
  /** Targets modelled: the ones with the most buyers (default 20). */
  limit?: number;
  /** Purchases before this day count, and ages are taken on it (default: today). */
  referenceDate?: Date | string;
}

const CATEGORICAL = new Set(["gender", "resident", "city"]);

function customerRecords(scope: WorkspaceScope, referenceDay: number) {
  const consented = loadConsentedCustomers(scope);
  const columns = loadCustomerColumns(scope, consented.index);
  const records = Array.from(consented.index.ids, (_, i) => {
    const record: Record<string, number | string | undefined> = {
      age: ageAt(columns.birthDate[i] ?? null, columns.birthYear[i] ?? null, referenceDay),
      gender: genderBucket(columns.gender[i]),
      resident: residencyBucket(columns.residency[i]),
      city: columns.city[i]?.trim() || undefined,
      income: columns.income[i],
    };
    for (const [name, values] of columns.attributes) record[name] = values[i];
    return record;
  });
  return { consented, records };
}

/** Customer positions that bought each target, before the reference day. */
function buyersByTarget(
  scope: WorkspaceScope,
  consented: ReturnType<typeof loadConsentedCustomers>,
  target: ChannelPropensityOptions["target"],
  referenceDay: number,
): Map<string, Set<number>> {
  const tx = loadTransactionColumns(scope, consented.index, {
    withCategory: target === "category",
    withProduct: target === "product",
  });
  const itemOf = target === "category" ? tx.categoryIndex : tx.productIndex;
  const names = (target === "category" ? tx.categories : tx.products) ?? [];
  const buyers = new Map<string, Set<number>>();
  for (let r = 0; r < tx.rows; r++) {
    const name = names[itemOf?.[r] ?? -1];
    if (name === undefined || tx.isReturn[r] || (tx.amount[r] as number) <= 0) continue;
    if ((tx.day[r] as number) >= referenceDay) continue;
    const set = buyers.get(name) ?? new Set<number>();
    buyers.set(name, set);
    set.add(tx.customerIndex[r] as number);
  }
  return buyers;
}

const hasValue = (value: unknown) =>
  value !== undefined && value !== null && value !== "" && !Number.isNaN(value);

export function scoreChannelUsers(
  scope: WorkspaceScope,
  file: Uint8Array | string,
  options: ChannelPropensityOptions,
) {
  const { target, limit = 20 } = options;
  const referenceDay = toUtcDay(options.referenceDate ?? new Date());
  const referenceYear = new Date(referenceDay * 86_400_000).getUTCFullYear();
  const bytes = typeof file === "string" ? new TextEncoder().encode(file) : file;
  const upload = readChannelUsersCsv(bytes, numericAttributeNames(scope), referenceYear);
  if (upload.users.length === 0)
    throw new SegmentInputError(
      `No usable user row in the file (${upload.badRows} bad row(s)). ${upload.problems.slice(0, 3).join("; ")}`,
    );

  const { consented, records } = customerRecords(scope, referenceDay);
  // A feature is shared when some user and some customer both have a value for it.
  const offered = Object.keys(upload.columns).map((c) => (c === "birth_year" ? "age" : c));
  const features = [...new Set(offered)]
    .filter((name) => name !== "channel")
    .filter((name) => upload.users.some((u) => hasValue(u.record[name])))
    .filter((name) => records.some((r) => hasValue(r[name])));
  if (features.length === 0)
    throw new SegmentInputError(
      `No column of the file is an attribute the customers have. Add any of: age (or birth_year), gender, resident (yes/no), city, income${numericAttributeNames(
        scope,
      )
        .map((n) => `, ${n}`)
        .join(
          "",
        )}; the file's columns are: ${Object.values(upload.columns).concat(upload.ignoredColumns).join(", ")}.`,
    );
  if (records.length === 0)
    throw new SegmentInputError(
      consented.exclusion.empty_reason ?? "No customer that may be analysed to learn from.",
    );

  const buyers = [...buyersByTarget(scope, consented, target, referenceDay)]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .slice(0, limit);
  if (buyers.length === 0)
    throw new SegmentInputError(`No analysable customer has bought any ${target} yet.`);

  const byChannel = new Map<string, AttributeRecord[]>();
  for (const user of upload.users) {
    const list = byChannel.get(user.channel) ?? [];
    byChannel.set(user.channel, list);
    list.push(user.record);
  }
  const attributes: AttributeSpec[] = features.map((name) => ({
    name,
    kind: CATEGORICAL.has(name) ? "categorical" : "numeric",
  }));
  const model = channelProductPropensity({
    attributes,
    customers: records,
    buyers: Object.fromEntries(buyers.map(([name, set]) => [name, [...set]])),
    channels: [...byChannel].map(([channelId, users]) => ({ channelId, users })),
  });

  return {
    target,
    features,
    columns: upload.columns,
    ignored_columns: upload.ignoredColumns,
    users_scored: upload.users.length,
    bad_rows: upload.badRows,
    problems: upload.problems,
    customers_trained_on: records.length,
    ...consented.exclusion,
    targets: model.products.map((p) => ({ name: p.product, buyers: p.buyers })),
    channels: model.channels.map((c) => ({
      channel: c.channelId,
      users: c.users,
      mean_propensity: c.meanPropensity,
    })),
  };
}

export type ChannelPropensityReport = ReturnType<typeof scoreChannelUsers>;

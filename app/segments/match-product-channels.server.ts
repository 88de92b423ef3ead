/**
 * Product × channel for a finished run (docs/analytics.md §20): the run's members' age band,
 * gender and residency in the channels' buckets, the members who bought each category (or
 * product) before the reference day, and each channel's audience, size (monthly visits) and
 * effectiveness (channel-match.ts), ranked by analytics/product-channel.ts.
 */
import type { WorkspaceScope } from "#db/scoped";
import { computeEffectiveness } from "~/analytics/channel-match";
import { toUtcDay } from "~/analytics/columns";
import { rankChannelsForItems } from "~/analytics/product-channel";
import { loadChannelInputs } from "./channel-inputs.server";
import { loadCustomerColumns } from "./customer-columns.server";
import { ageAt, ageBandsOf, bandOfAge, genderBucket, residencyBucket } from "./demographics";
import { loadProductNames, productLabel } from "./product-labels.server";
import { loadSegmentMembers, runReferenceDate } from "./segment-members.server";
import { loadTransactionColumns } from "./transaction-columns.server";

export function matchProductChannels(
  scope: WorkspaceScope,
  runId: number,
  options: { target?: "category" | "product"; limit?: number } = {},
) {
  const { target = "category", limit = 10 } = options;
  const members = loadSegmentMembers(scope, runId);
  const { customers, segmentOf } = members;
  const referenceDate = runReferenceDate(members.run);
  const referenceDay = referenceDate ? toUtcDay(referenceDate) : Number.POSITIVE_INFINITY;
  const ageDay = Number.isFinite(referenceDay) ? referenceDay : toUtcDay(Date.now());
  const channels = loadChannelInputs(scope);
  const ageBands = ageBandsOf(channels.flatMap((c) => Object.keys(c.audience.age ?? {})));
  const columns = loadCustomerColumns(scope, customers);
  const isMember = (i: number) => segmentOf[i] !== -1;
  const memberIndex = [...segmentOf.keys()].filter(isMember);
  const position = new Map(memberIndex.map((c, i) => [c, i]));
  const customerBuckets = {
    age: memberIndex.map((i) =>
      bandOfAge(
        ageAt(columns.birthDate[i] ?? null, columns.birthYear[i] ?? null, ageDay),
        ageBands,
      ),
    ),
    gender: memberIndex.map((i) => genderBucket(columns.gender[i])),
    residency: memberIndex.map((i) => residencyBucket(columns.residency[i])),
  };

  const tx = loadTransactionColumns(scope, customers, {
    withCategory: target === "category",
    withProduct: target === "product",
  });
  const itemOf = target === "category" ? tx.categoryIndex : tx.productIndex;
  const names = (target === "category" ? tx.categories : tx.products) ?? [];
  const buyers = new Map<string, Set<number>>();
  for (let r = 0; r < tx.rows; r++) {
    const name = names[itemOf?.[r] ?? -1];
    const at = position.get(tx.customerIndex[r] as number);
    if (name === undefined || at === undefined) continue;
    if (tx.isReturn[r] || (tx.amount[r] as number) <= 0 || (tx.day[r] as number) >= referenceDay)
      continue;
    const set = buyers.get(name) ?? new Set<number>();
    buyers.set(name, set);
    set.add(at);
  }
  const productNames = target === "product" ? loadProductNames(scope) : new Map();
  const items = [...buyers]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([item, set]) => ({
      item,
      label: target === "product" ? productLabel(productNames, item) : item,
      buyers: [...set],
    }));
  const effectiveness = computeEffectiveness(channels);
  const ranked = rankChannelsForItems({
    customerBuckets,
    items,
    channels: channels.map((c) => ({
      channelId: c.channelId,
      name: c.name,
      audience: c.audience,
      audienceSize: c.traffic?.visits ?? null,
      effectiveness: effectiveness.get(c.channelId)?.value ?? 0,
    })),
  });
  return {
    target,
    customers: memberIndex.length,
    channels: channels.length,
    effectiveness_basis: Object.fromEntries(
      channels.map((c) => [c.name, effectiveness.get(c.channelId)?.basis ?? "none"]),
    ),
    items: ranked,
  };
}

export type ProductChannelReport = ReturnType<typeof matchProductChannels>;

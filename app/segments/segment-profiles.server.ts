/**
 * Each segment's demographic profile in the channels' buckets: age band (at the run's
 * reference date), gender, residency and interests. Interests count customers, not money:
 * a customer with positive net spend in a category counts once for that category's
 * interest (see demographics.ts for the category → interest mapping), which is comparable
 * with an audience's "share of people interested in …".
 */

import type { WorkspaceScope } from "#db/scoped";
import type { Profile } from "~/analytics/divergence";
import { loadCustomerColumns } from "./customer-columns.server";
import {
  type AgeBand,
  ageAt,
  bandOfAge,
  genderBucket,
  interestOfCategory,
  residencyBucket,
} from "./demographics";
import type { SegmentMembers } from "./segment-members.server";
import { loadTransactionColumns } from "./transaction-columns.server";

export interface SegmentProfiles {
  profiles: Profile[];
  /** category → interest it counts for (null = no interest matches). */
  interestMapping: Record<string, string | null>;
}

type Counts = Record<string, number>;
const bump = (counts: Counts, key: string | undefined) => {
  if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
};

export function buildSegmentProfiles(
  scope: WorkspaceScope,
  members: SegmentMembers,
  referenceDay: number,
  ageBands: readonly AgeBand[],
  interests: ReadonlySet<string>,
): SegmentProfiles {
  const { customers, segmentOf, segments } = members;
  const columns = loadCustomerColumns(scope, customers);
  const perSegment = segments.map(() => ({
    age: {} as Counts,
    gender: {} as Counts,
    residency: {} as Counts,
    interests: {} as Counts,
  }));
  for (let i = 0; i < segmentOf.length; i++) {
    const s = perSegment[segmentOf[i] as number];
    if (!s) continue;
    const age = ageAt(columns.birthDate[i] ?? null, columns.birthYear[i] ?? null, referenceDay);
    bump(s.age, bandOfAge(age, ageBands));
    bump(s.gender, genderBucket(columns.gender[i]));
    bump(s.residency, residencyBucket(columns.residency[i]));
  }

  const tx = loadTransactionColumns(scope, customers, { withCategory: true });
  const categories = tx.categories ?? [];
  const interestMapping: Record<string, string | null> = {};
  const interestOf = categories.map((c) => {
    const interest = interestOfCategory(c, interests);
    interestMapping[c] = interest ?? null;
    return interest;
  });
  // Net spend per (customer, category) before the reference day, then one count per
  // customer and interest where that spend is positive.
  const net = new Map<number, number>();
  const stride = categories.length;
  for (let row = 0; row < tx.rows; row++) {
    const c = tx.customerIndex[row] as number;
    const category = tx.categoryIndex?.[row] ?? -1;
    if (segmentOf[c] === -1 || category < 0 || (tx.day[row] as number) >= referenceDay) continue;
    const amount = tx.amount[row] as number;
    const key = c * stride + category;
    net.set(
      key,
      (net.get(key) ?? 0) + (tx.isReturn[row] || amount < 0 ? -Math.abs(amount) : amount),
    );
  }
  const counted = new Set<string>();
  for (const [key, spend] of net) {
    const c = Math.floor(key / stride);
    const interest = interestOf[key - c * stride];
    if (spend <= 0 || interest === undefined || counted.has(`${c}:${interest}`)) continue;
    counted.add(`${c}:${interest}`);
    bump(perSegment[segmentOf[c] as number]?.interests as Counts, interest);
  }
  // A dimension nobody in the segment has data for is left out (listed as "not compared").
  const profiles = perSegment.map((dimensions) =>
    Object.fromEntries(
      Object.entries(dimensions).filter(([, counts]) => Object.keys(counts).length > 0),
    ),
  );
  return { profiles, interestMapping };
}

import { join } from "node:path";
import { type AudienceProfile, PROFILES } from "./audience-profiles";
import { CsvWriter, ONLINE_CSV } from "./csv-writer";
import { minutesSeconds } from "./format";
import type { Rng } from "./random";

export const AGE_BANDS = ["age_18_24", "age_25_34", "age_35_44", "age_45_54", "age_55_plus"];
/** Interests mirror the product categories so segments and audiences can be compared. */
export const INTERESTS = [
  "interest_travel",
  "interest_tech",
  "interest_fashion",
  "interest_finance",
  "interest_food",
  "interest_home",
  "interest_beauty",
];

export const AUDIENCES_HEADER = [
  "channel_name",
  "channel_type",
  "url",
  ...AGE_BANDS,
  "gender_female",
  "gender_male",
  "resident",
  "non_resident",
  ...INTERESTS,
  "monthly_visits",
  "avg_visit_duration",
  "bounce_rate",
];

/**
 * Percentages with one decimal that add up to exactly 100.0: round down in tenths, then
 * hand the missing tenths to the largest remainders (ties to the earlier band).
 */
export function percentagesSummingTo100(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const tenths = weights.map((weight) => (weight / total) * 1000);
  const floored = tenths.map(Math.floor);
  let missing = 1000 - floored.reduce((sum, value) => sum + value, 0);
  const byRemainder = tenths
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing-- <= 0) break;
    floored[index] = (floored[index] ?? 0) + 1;
  }
  return floored.map((value) => value / 10);
}

function audienceRow(rng: Rng, audience: AudienceProfile): (string | number)[] {
  const jitter = (value: number) => value * rng.logNormal(0, 0.05);
  const ages = percentagesSummingTo100(audience.ages.map(jitter));
  const [female = 50, male = 50] = percentagesSummingTo100([
    jitter(audience.female),
    jitter(100 - audience.female),
  ]);
  const [nonResident = 0, resident = 100] = percentagesSummingTo100([
    jitter(audience.nonResident),
    jitter(100 - audience.nonResident),
  ]);
  const interests = audience.interests.map((share) => Math.min(100, jitter(share)).toFixed(1));
  const traffic = audience.traffic;
  return [
    audience.name,
    audience.type,
    audience.url,
    ...ages.map((share) => share.toFixed(1)),
    female.toFixed(1),
    male.toFixed(1),
    resident.toFixed(1),
    nonResident.toFixed(1),
    ...interests,
    traffic ? Math.round(traffic.monthlyVisits * rng.logNormal(0, 0.1)) : "",
    traffic ? minutesSeconds(traffic.visitSeconds * rng.logNormal(0, 0.05)) : "",
    traffic ? Math.min(95, traffic.bounceRate * rng.logNormal(0, 0.05)).toFixed(1) : "",
  ];
}

export async function writeAudiences(
  outDir: string,
  rng: Rng,
): Promise<{ rows: number; bytes: number }> {
  const writer = CsvWriter.open(join(outDir, "channel_audiences.csv"), ONLINE_CSV);
  await writer.header(AUDIENCES_HEADER);
  for (const audience of PROFILES) await writer.row(audienceRow(rng, audience));
  return writer.close();
}

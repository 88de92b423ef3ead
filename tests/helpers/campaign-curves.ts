/**
 * A campaigns CSV generated from known response curves (seeded), for the forecast tests:
 * one row per channel and day, spend flighted (about a fifth of days dark).
 */
import fs from "node:fs";
import path from "node:path";
import { createRandom } from "~/analytics/random";
import { type CurveParams, predictDaily } from "~/analytics/response-curve";

export interface KnownChannel {
  name: string;
  conversions: CurveParams;
  /** Revenue per conversion. */
  value: number;
  /** Typical daily spend. */
  spend: number;
}

export const KNOWN_CHANNELS: KnownChannel[] = [
  {
    name: "Search",
    conversions: { decay: 0.3, halfSaturation: 6000, shape: 1.2, ceiling: 80 },
    value: 400,
    spend: 5000,
  },
  {
    name: "Video",
    conversions: { decay: 0.6, halfSaturation: 20000, shape: 2.5, ceiling: 150 },
    value: 300,
    spend: 9000,
  },
];

export function writeKnownCampaigns(dir: string, days = 364, seed = 5): string {
  const random = createRandom(seed);
  const lines = [
    "campaign_id,name,channel,start_date,end_date,date,spend,impressions,clicks,conversions,revenue,product",
  ];
  const start = Date.UTC(2025, 0, 6);
  const iso = (t: number) => new Date(start + t * 86_400_000).toISOString().slice(0, 10);
  for (const channel of KNOWN_CHANNELS) {
    const spend = Array.from({ length: days }, () =>
      random.next() < 0.2 ? 0 : Math.round(channel.spend * (0.1 + 1.9 * random.next()) * 100) / 100,
    );
    const expected = predictDaily(spend, channel.conversions);
    spend.forEach((s, t) => {
      const conversions =
        Math.round((expected[t] as number) * (0.9 + 0.2 * random.next()) * 100) / 100;
      const revenue = Math.round(conversions * channel.value * 100) / 100;
      const impressions = Math.round(s * 20);
      lines.push(
        [
          `${channel.name}-1`,
          `${channel.name} always on`,
          channel.name,
          iso(0),
          iso(days - 1),
          iso(t),
          s,
          impressions,
          Math.round(impressions / 50),
          conversions,
          revenue,
          "P1",
        ].join(","),
      );
    });
  }
  const file = path.join(dir, "campaigns.csv");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

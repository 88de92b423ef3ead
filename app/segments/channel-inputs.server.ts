/**
 * Channels as the matcher needs them: each channel_audiences row's shares in canonical
 * buckets (same keys as the segment side, see demographics.ts), its traffic figures, and
 * the totals of the workspace's campaigns on that channel (matched by name, ignoring case).
 */

import { channelAudiences } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import type { ChannelInput } from "~/analytics/channel-match";
import type { Profile } from "~/analytics/divergence";
import { genderBucket, parseAgeBand, residencyBucket, slugify } from "./demographics";

type Shares = Record<string, unknown>;

/** Dimension and bucket of a share key, e.g. ("gender", "gender_female") → gender/female. */
function canonical(group: string, key: string): [string, string] | undefined {
  const g = slugify(group);
  if (g === "age" || g === "age_bands" || g === "ages") {
    const band = parseAgeBand(key);
    return band ? ["age", band.key] : undefined;
  }
  if (g === "gender") {
    const bucket = genderBucket(key);
    return bucket ? ["gender", bucket] : undefined;
  }
  if (g === "residency") {
    const bucket = residencyBucket(key);
    return bucket ? ["residency", bucket] : undefined;
  }
  if (g === "interests" || g === "interest")
    return ["interests", slugify(key).replace(/^interest_/, "")];
  return [g, key];
}

/** Which group a flat key belongs to, for shares stored without groups. */
function groupOfFlatKey(key: string): string {
  if (parseAgeBand(key)) return "age";
  if (key.startsWith("gender_")) return "gender";
  if (key === "resident" || key === "non_resident") return "residency";
  if (key.startsWith("interest_")) return "interests";
  return "other";
}

/** Shares JSON ({age: {age_18_24: 0.3}, gender: {…}, …}, or flat keys) → Profile. */
export function audienceProfile(shares: Shares): Profile {
  const profile: Record<string, Record<string, number>> = {};
  const add = (group: string, key: string, value: unknown) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return;
    const bucket = canonical(group, key);
    if (!bucket) return;
    const [dimension, name] = bucket;
    profile[dimension] ??= {};
    const distribution = profile[dimension] as Record<string, number>;
    distribution[name] = (distribution[name] ?? 0) + value;
  };
  for (const [group, value] of Object.entries(shares)) {
    if (value && typeof value === "object") {
      for (const [key, share] of Object.entries(value as Shares)) add(group, key, share);
    } else add(groupOfFlatKey(group), group, value);
  }
  return profile;
}

interface CampaignTotals {
  spend: number;
  conversions: number;
  revenue: number | null;
}

/**
 * Campaign totals per channel (lower-cased name). A campaign given both as a whole row
 * (date "") and as daily rows is counted once, from its daily rows.
 */
function campaignTotals(scope: WorkspaceScope): Map<string, CampaignTotals> {
  const rows = scope
    .sql(
      `SELECT lower(trim(channel)), total(spend), total(conversions),
              CASE WHEN count(revenue) > 0 THEN total(revenue) END
       FROM campaigns AS c
       WHERE c.workspace_id = @workspace AND c.channel IS NOT NULL
         AND (c.date <> '' OR NOT EXISTS (
           SELECT 1 FROM campaigns AS d
           WHERE d.workspace_id = c.workspace_id AND d.campaign_key = c.campaign_key AND d.date <> ''))
       GROUP BY 1`,
    )
    .raw()
    .all() as [string, number, number, number | null][];
  return new Map(
    rows.map(([name, spend, conversions, revenue]) => [name, { spend, conversions, revenue }]),
  );
}

export function loadChannelInputs(scope: WorkspaceScope): ChannelInput[] {
  const totals = campaignTotals(scope);
  const rows = scope.select(channelAudiences);
  return rows
    .sort((a, b) => a.channelName.localeCompare(b.channelName))
    .map((row) => {
      const campaigns = totals.get(row.channelName.trim().toLowerCase());
      const visits = row.monthlyVisits ?? 0;
      return {
        channelId: String(row.id),
        name: row.channelName,
        audience: audienceProfile(row.shares as Shares),
        ...(campaigns
          ? {
              campaigns: {
                spend: campaigns.spend,
                conversions: campaigns.conversions,
                ...(campaigns.revenue === null ? {} : { revenue: campaigns.revenue }),
              },
            }
          : {}),
        ...(visits > 0
          ? {
              traffic: {
                visits,
                avgVisitDurationSeconds: row.avgVisitDurationSeconds ?? 0,
                // An unknown bounce rate counts as 100 %, so missing data never helps a channel.
                bounceRate: row.bounceRate ?? 1,
              },
            }
          : {}),
      };
    });
}

import { join } from "node:path";
import { PERIOD_END, PERIOD_START } from "./calendar";
import { BANK_CONVERSION_VALUE, BASKET_VALUE, CAMPAIGN_THEMES } from "./campaign-themes";
import { isBankCategory, type Product, productByCode } from "./catalog";
import { AD_CHANNELS, type AdChannel, expectedConversions } from "./channels";
import { CsvWriter, ONLINE_CSV } from "./csv-writer";
import { dayOf, isoDate, moneyFromKurus, monthOf, weekday, yearOf } from "./format";
import type { Rng } from "./random";

export const CAMPAIGNS_HEADER = [
  "campaign_id",
  "name",
  "channel",
  "start_date",
  "end_date",
  "date",
  "spend",
  "impressions",
  "clicks",
  "conversions",
  "revenue",
  "product",
];

export const CAMPAIGN_COUNT = 60;
const MONTHLY_INFLATION = 0.015;

export interface Campaign {
  id: string;
  name: string;
  channel: AdChannel;
  product: Product;
  start: number;
  end: number;
  /** Typical daily spend: spread from well below to well past the channel's saturation. */
  dailyBudget: number;
  boost: number;
}

function orderValue(product: Product): number {
  if (isBankCategory(product.category))
    return BANK_CONVERSION_VALUE[product.category] ?? product.price;
  return BASKET_VALUE[product.category] ?? product.price * 1.2;
}

/** Channels are dealt round-robin (shuffled) so every channel gets several campaigns. */
export function planCampaigns(rng: Rng, count: number): Campaign[] {
  const deck = rng.shuffle([...AD_CHANNELS]);
  const drafts = Array.from({ length: count }, (_, index) => {
    const channel = deck[index % deck.length] as AdChannel;
    const theme = rng.pick(CAMPAIGN_THEMES);
    const length = rng.int(theme.days[0], theme.days[1]);
    const anchor = theme.starts ? dayOf(rng.pick(theme.starts)) + rng.int(-3, 3) : null;
    const latestStart = PERIOD_END - length + 1;
    const start = Math.min(
      latestStart,
      Math.max(PERIOD_START, anchor ?? rng.int(PERIOD_START, latestStart)),
    );
    const budgetRatio = Math.exp(rng.range(Math.log(0.1), Math.log(2.5)));
    return {
      theme: `${theme.name} ${yearOf(start)}`,
      channel,
      product: productByCode(rng.pick(theme.productCodes)),
      start,
      end: start + length - 1,
      dailyBudget: Math.round(channel.saturationSpend * budgetRatio),
      boost: theme.boost,
    };
  });
  // Plain code-unit order for ties, not localeCompare, so ICU versions cannot reorder rows.
  drafts.sort(
    (a, b) =>
      a.start - b.start ||
      (a.channel.name < b.channel.name ? -1 : a.channel.name > b.channel.name ? 1 : 0),
  );
  const seen = new Map<string, number>();
  return drafts.map(({ theme, ...draft }, index) => {
    const base = `${theme} | ${draft.channel.name}`;
    const repeat = (seen.get(base) ?? 0) + 1;
    seen.set(base, repeat);
    return {
      ...draft,
      id: `CMP-${String(index + 1).padStart(3, "0")}`,
      name: repeat === 1 ? base : `${base} (${repeat})`,
    };
  });
}

export interface CampaignDay {
  day: number;
  spendKurus: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenueKurus: number;
}

/**
 * One day of delivery: spend paced around the budget, results from the channel's curve
 * applied to the adstock (today's spend plus the channel's carry-over of the campaign's
 * earlier days), scaled by (1 − carry-over) so a steady spend keeps its old level.
 */
export function campaignDay(
  rng: Rng,
  campaign: Campaign,
  day: number,
  previousAdstock = 0,
): CampaignDay & { adstock: number } {
  const { channel } = campaign;
  const dow = weekday(day);
  const weekendFactor = channel.weekendDip && (dow === 0 || dow === 6) ? 0.85 : 1;
  const rampUp = day - campaign.start < 3 ? 0.6 + 0.15 * (day - campaign.start) : 1;
  const spend = campaign.dailyBudget * weekendFactor * rampUp * rng.logNormal(0, 0.15);
  const month = monthOf(day);
  const q4Premium = month === 11 || month === 12 ? 1.25 : 1;
  const cpm = channel.cpm * q4Premium * rng.logNormal(0, 0.08);
  const impressions = Math.round((spend / cpm) * 1000);
  // Frequency fatigue: the more a channel is pushed, the less each impression is clicked.
  const fatigue = (1 + spend / channel.saturationSpend) ** -0.2;
  const clicks = Math.round(impressions * channel.ctr * fatigue * rng.logNormal(0, 0.1));
  const value = orderValue(campaign.product);
  const adstock = spend + channel.carryOver * previousAdstock;
  const effective = adstock * (1 - channel.carryOver);
  const mean =
    expectedConversions(channel, effective, value) * campaign.boost * rng.logNormal(0, 0.2);
  const drawn = rng.poisson(mean);
  const conversions = channel.ctr > 0 ? Math.min(drawn, clicks) : drawn;
  const inflation = (1 + MONTHLY_INFLATION) ** ((day - PERIOD_START) / 30.44);
  const revenue = conversions * value * inflation * rng.logNormal(0, 0.15);
  return {
    day,
    adstock,
    spendKurus: Math.round(spend * 100),
    impressions,
    clicks,
    conversions,
    revenueKurus: Math.round(revenue * 100),
  };
}

export async function writeCampaigns(
  outDir: string,
  rng: Rng,
): Promise<{ rows: number; bytes: number; campaigns: number }> {
  const campaigns = planCampaigns(rng, CAMPAIGN_COUNT);
  const writer = CsvWriter.open(join(outDir, "campaigns.csv"), ONLINE_CSV);
  await writer.header(CAMPAIGNS_HEADER);
  for (const campaign of campaigns) {
    let adstock = 0;
    for (let day = campaign.start; day <= campaign.end; day++) {
      const result = campaignDay(rng, campaign, day, adstock);
      adstock = result.adstock;
      await writer.row([
        campaign.id,
        campaign.name,
        campaign.channel.name,
        isoDate(campaign.start),
        isoDate(campaign.end),
        isoDate(day),
        moneyFromKurus(result.spendKurus),
        result.impressions,
        result.clicks,
        result.conversions,
        moneyFromKurus(result.revenueKurus),
        campaign.product.code,
      ]);
    }
  }
  return { ...(await writer.close()), campaigns: campaigns.length };
}

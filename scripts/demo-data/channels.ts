/** Where the bank buys advertising, and how each channel responds to money. */
export type ChannelType =
  | "social"
  | "search"
  | "video"
  | "messenger"
  | "email"
  | "sms"
  | "display"
  | "offline";

export interface AdChannel {
  name: string;
  type: ChannelType;
  url: string;
  /** Cost per thousand impressions, TRY, before the Q4 premium. */
  cpm: number;
  /** Clicks per impression; 0 where nothing can be clicked (TV, outdoor). */
  ctr: number;
  /**
   * Conversions per thousand impressions at low spend, for a product worth
   * REFERENCE_ORDER_VALUE; dearer products convert proportionally less often.
   */
  conversionsPerMille: number;
  /**
   * Daily spend (TRY) at which the channel reaches 63% of its ceiling: conversions follow
   * ceiling * (1 - exp(-spend / saturationSpend)), so each extra lira buys less.
   */
  saturationSpend: number;
  /** Whether weekday budgets dip at weekends (digital auctions) or stay flat (booked media). */
  weekendDip: boolean;
  /**
   * Share of a day's advertising effect still working the next day (geometric adstock):
   * booked media remembered for weeks, search and messages hardly at all.
   */
  carryOver: number;
}

export const REFERENCE_ORDER_VALUE = 1500;

export const AD_CHANNELS: readonly AdChannel[] = [
  {
    ...channel("Instagram", "social", "https://www.instagram.com", 45, 0.009, 0.225, 15_000),
    carryOver: 0.3,
  },
  {
    ...channel("Facebook", "social", "https://www.facebook.com", 35, 0.008, 0.176, 12_000),
    carryOver: 0.3,
  },
  channel("Google Search", "search", "https://www.google.com.tr", 350, 0.045, 2.7, 25_000),
  {
    ...channel("YouTube", "video", "https://www.youtube.com", 60, 0.004, 0.06, 20_000),
    carryOver: 0.5,
  },
  {
    ...channel("TikTok", "social", "https://www.tiktok.com", 30, 0.007, 0.084, 10_000),
    carryOver: 0.25,
  },
  channel("Telegram", "messenger", "https://telegram.org", 25, 0.012, 0.15, 4_000),
  channel("E-mail", "email", "", 15, 0.025, 0.3, 3_000),
  channel("SMS", "sms", "", 300, 0.04, 1, 6_000),
  { ...channel("Display", "display", "", 18, 0.002, 0.02, 12_000), carryOver: 0.4 },
  { ...channel("TV", "offline", "", 120, 0, 0.05, 80_000), weekendDip: false, carryOver: 0.7 },
  { ...channel("Outdoor", "offline", "", 40, 0, 0.02, 40_000), weekendDip: false, carryOver: 0.6 },
];

function channel(
  name: string,
  type: ChannelType,
  url: string,
  cpm: number,
  ctr: number,
  conversionsPerMille: number,
  saturationSpend: number,
): AdChannel {
  // Search, messenger, e-mail and SMS: a little carry-over (the message is read a day later).
  return {
    name,
    type,
    url,
    cpm,
    ctr,
    conversionsPerMille,
    saturationSpend,
    weekendDip: true,
    carryOver: 0.1,
  };
}

/**
 * Expected conversions for one day's spend: linear at first (conversionsPerMille per
 * thousand impressions), flattening towards a ceiling as spend passes saturationSpend.
 */
export function expectedConversions(
  adChannel: AdChannel,
  dailySpend: number,
  orderValue: number,
): number {
  const perLira =
    (adChannel.conversionsPerMille / adChannel.cpm) * (REFERENCE_ORDER_VALUE / orderValue);
  const ceiling = perLira * adChannel.saturationSpend;
  return ceiling * (1 - Math.exp(-dailySpend / adChannel.saturationSpend));
}

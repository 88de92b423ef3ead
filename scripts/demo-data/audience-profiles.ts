import { AD_CHANNELS, type ChannelType } from "./channels";

/**
 * Who each channel reaches: demographic and interest shares in percent, plus site traffic.
 * Platform figures are plausible for Türkiye, not measured; the Telegram channels and sites
 * are made up.
 */
export interface Traffic {
  monthlyVisits: number;
  visitSeconds: number;
  bounceRate: number;
}

export interface AudienceProfile {
  name: string;
  type: ChannelType;
  url: string;
  ages: readonly number[];
  female: number;
  nonResident: number;
  interests: readonly number[];
  /** Null for channels without a site to visit (TV, outdoor, SMS, e-mail). */
  traffic: Traffic | null;
}

const visits = (monthlyVisits: number, visitSeconds: number, bounceRate: number): Traffic => ({
  monthlyVisits,
  visitSeconds,
  bounceRate,
});

const adUrl = (name: string) => AD_CHANNELS.find((channel) => channel.name === name)?.url ?? "";

// Ages: 18-24, 25-34, 35-44, 45-54, 55+. Interests: travel, tech, fashion, finance, food, home, beauty.
export const PROFILES: readonly AudienceProfile[] = [
  profile(
    "Instagram",
    "social",
    [30, 33, 18, 11, 8],
    54,
    3,
    [45, 40, 55, 20, 50, 25, 45],
    visits(420e6, 450, 38),
  ),
  profile(
    "Facebook",
    "social",
    [9, 24, 25, 21, 21],
    44,
    4,
    [35, 25, 25, 25, 45, 35, 25],
    visits(160e6, 540, 42),
  ),
  profile(
    "Google Search",
    "search",
    [17, 26, 22, 18, 17],
    48,
    3,
    [40, 45, 30, 35, 40, 30, 30],
    visits(2.4e9, 660, 28),
  ),
  profile(
    "YouTube",
    "video",
    [22, 28, 21, 15, 14],
    46,
    3,
    [35, 50, 30, 20, 40, 25, 30],
    visits(1.2e9, 1200, 22),
  ),
  profile(
    "TikTok",
    "social",
    [41, 30, 15, 9, 5],
    55,
    2,
    [30, 35, 50, 10, 45, 15, 50],
    visits(250e6, 600, 35),
  ),
  profile(
    "Telegram",
    "messenger",
    [18, 32, 26, 15, 9],
    35,
    6,
    [25, 55, 15, 50, 20, 15, 10],
    visits(90e6, 420, 30),
  ),
  profile("E-mail", "email", [10, 27, 26, 20, 17], 49, 4, [30, 30, 25, 45, 35, 30, 25], null),
  profile("SMS", "sms", [8, 20, 24, 23, 25], 50, 4, [20, 15, 15, 40, 40, 35, 20], null),
  profile(
    "Display",
    "display",
    [20, 27, 22, 17, 14],
    50,
    3,
    [35, 35, 30, 25, 40, 30, 30],
    visits(900e6, 180, 55),
  ),
  profile("TV", "offline", [8, 15, 20, 24, 33], 53, 1, [25, 15, 20, 25, 50, 40, 25], null),
  profile("Outdoor", "offline", [20, 27, 22, 17, 14], 50, 5, [30, 20, 30, 20, 35, 20, 25], null),
  {
    ...profile(
      "Telegram: Ekonomi Gündem",
      "messenger",
      [8, 30, 32, 20, 10],
      28,
      5,
      [20, 40, 8, 85, 15, 15, 5],
      visits(3.2e6, 180, 25),
    ),
    url: "https://t.me/ekonomigundem",
  },
  {
    ...profile(
      "Telegram: Teknoloji Fırsatları",
      "messenger",
      [30, 38, 20, 8, 4],
      25,
      3,
      [25, 90, 15, 30, 15, 10, 10],
      visits(2.1e6, 150, 30),
    ),
    url: "https://t.me/teknolojifirsatlari",
  },
  {
    ...profile(
      "Telegram: Gezgin Kampanyalar",
      "messenger",
      [22, 36, 24, 12, 6],
      52,
      8,
      [90, 25, 30, 20, 40, 10, 20],
      visits(1.4e6, 160, 33),
    ),
    url: "https://t.me/gezginkampanyalar",
  },
  {
    ...profile(
      "Teknokulis",
      "display",
      [24, 36, 22, 12, 6],
      22,
      3,
      [20, 92, 10, 30, 10, 15, 5],
      visits(8.5e6, 240, 48),
    ),
    url: "https://www.teknokulis.com.tr",
  },
  {
    ...profile(
      "Lezzet Durağı",
      "display",
      [10, 26, 28, 20, 16],
      71,
      2,
      [20, 10, 25, 10, 90, 60, 35],
      visits(12e6, 300, 44),
    ),
    url: "https://www.lezzetduragi.com.tr",
  },
  {
    ...profile(
      "Gurbetçi Haber",
      "display",
      [9, 22, 27, 23, 19],
      45,
      48,
      [55, 25, 15, 45, 30, 20, 10],
      visits(2.6e6, 210, 51),
    ),
    url: "https://www.gurbetcihaber.eu",
  },
];

function profile(
  name: string,
  type: ChannelType,
  ages: readonly number[],
  female: number,
  nonResident: number,
  interests: readonly number[],
  traffic: Traffic | null,
): AudienceProfile {
  return { name, type, url: adUrl(name), ages, female, nonResident, interests, traffic };
}

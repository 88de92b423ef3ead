// Amounts with the workspace's reporting currency, and the note for a mix of currencies.
import { describe, expect, it } from "vitest";
import { channelMatchText } from "~/components/segments/channel-reasons";
import { formatFeatureValue, isAmountFeature } from "~/components/segments/money";
import { describeCurrencyMix, formatMoney } from "~/format";
import { englishT } from "~/i18n/english";
import { message } from "~/i18n/message-code";

const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("puts the currency's narrow symbol before the amount, with two decimals", () => {
    expect(formatMoney(12345.6, "TRY")).toBe("₺12,345.60");
    expect(formatMoney(12345.6, "USD")).toBe("$12,345.60");
    expect(formatMoney(1234567.891, "EUR")).toBe("€1,234,567.89");
  });

  it("shows the plain number when the currency is not known", () => {
    expect(formatMoney(12345.6, null)).toBe("12,345.60");
    expect(formatMoney(999.999, null)).toBe("1,000.00");
    // Not an ISO code (imports store only three-letter codes): treated as unknown.
    expect(formatMoney(5, "TL")).toBe("5.00");
  });

  it("writes negative amounts with a minus sign before the symbol", () => {
    expect(formatMoney(-250.5, "TRY")).toBe("−₺250.50");
    expect(formatMoney(-1234.5, "USD")).toBe("−$1,234.50");
    expect(formatMoney(-1234.5, null)).toBe("−1,234.50");
  });

  it("writes zero, and amounts that round to zero, without a sign", () => {
    expect(formatMoney(0, "TRY")).toBe("₺0.00");
    expect(formatMoney(-0, "EUR")).toBe("€0.00");
    expect(formatMoney(-0.004, "USD")).toBe("$0.00");
    expect(formatMoney(0, null)).toBe("0.00");
  });

  it("follows the currency's own decimals and writes unknown codes out", () => {
    expect(formatMoney(1234.5, "JPY")).toBe("¥1,235");
    expect(formatMoney(10, "XYZ")).toBe(`XYZ${NBSP}10.00`);
    expect(formatMoney(10, "try")).toBe("₺10.00");
  });

  it("shows a dash for a missing value", () => {
    expect(formatMoney(null, "TRY")).toBe("—");
    expect(formatMoney(undefined, null)).toBe("—");
    expect(formatMoney(Number.NaN, "TRY")).toBe("—");
  });
});

describe("describeCurrencyMix", () => {
  it("names each currency with its whole-percent share", () => {
    expect(
      describeCurrencyMix([
        { currency: "TRY", share: 0.8 },
        { currency: "EUR", share: 0.2 },
      ]),
    ).toBe(`Amounts in several currencies (TRY 80${NBSP}%, EUR 20${NBSP}%) are added as they are.`);
  });

  it("sums the currencies past the third as others and never shows a share as 0 %", () => {
    expect(
      describeCurrencyMix([
        { currency: "TRY", share: 0.5 },
        { currency: "EUR", share: 0.3 },
        { currency: "USD", share: 0.196 },
        { currency: "GBP", share: 0.003 },
        { currency: "RUB", share: 0.001 },
      ]),
    ).toBe(
      `Amounts in several currencies (TRY 50${NBSP}%, EUR 30${NBSP}%, USD 20${NBSP}%, others <1${NBSP}%) are added as they are.`,
    );
  });
});

describe("amounts on the segment pages", () => {
  it("treats net spend and spend per category as amounts, other features as numbers", () => {
    expect(isAmountFeature("monetary")).toBe(true);
    expect(isAmountFeature("spend_electronics")).toBe(true);
    expect(isAmountFeature("income")).toBe(false);
    expect(isAmountFeature("frequency")).toBe(false);
    expect(formatFeatureValue("monetary", 2000, "TRY")).toBe("₺2,000.00");
    expect(formatFeatureValue("spend_books", -12.5, null)).toBe("−12.50");
    expect(formatFeatureValue("recency_days", 12.25, "TRY", 1)).toBe("12.3");
    expect(formatFeatureValue("frequency", 3, "TRY", 0)).toBe("3");
  });

  it("shows a campaign's cost per conversion in the reporting currency", () => {
    const reason = message("channelmatch:reasons.effectivenessCampaignsRoi", {
      value: 1,
      cpa: 1250.5,
      roi: 1.2,
    });
    expect(channelMatchText(englishT, reason, "TRY")).toBe(
      `Effectiveness 1.00 from past campaigns: cost per conversion ₺1,250.50, ROI 120${NBSP}%`,
    );
    expect(channelMatchText(englishT, reason, null)).toBe(
      `Effectiveness 1.00 from past campaigns: cost per conversion 1,250.50, ROI 120${NBSP}%`,
    );
    const other = "No campaign or traffic data: neutral effectiveness 0.50";
    expect(channelMatchText(englishT, other, "TRY")).toBe(other);
  });
});

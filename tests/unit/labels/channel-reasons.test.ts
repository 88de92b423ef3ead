// Channel-match reasons and diagnosis as matchSegmentChannels writes them (message codes),
// put into words in English, Turkish and Russian with labelled names and local numbers.
import { createInstance, type TFunction } from "i18next";
import { afterAll, describe, expect, it } from "vitest";
import { matchSegmentChannels } from "~/analytics/channel-match";
import { channelMatchText } from "~/components/segments/channel-reasons";
import { setLocaleSource } from "~/format";
import { defaultLocale, type Locale } from "~/i18n/config";
import { message } from "~/i18n/message-code";
import { i18nextOptions } from "~/i18n/options";

afterAll(() => setLocaleSource(() => defaultLocale));

function tIn(locale: Locale): TFunction {
  const i18n = createInstance();
  i18n.init({ ...i18nextOptions(locale), initImmediate: false });
  setLocaleSource(() => locale);
  return i18n.t;
}
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const overIndex = message("channelmatch:reasons.overIndex", {
  dimension: "age",
  bucket: "age_18_24",
  bucketIndex: 2.1,
  share: 0.38,
  index: 1.35,
});

describe("channelMatchText", () => {
  it("names the bucket, its index and the audience's share in English", () => {
    expect(plain(channelMatchText(tIn("en"), overIndex, null))).toBe(
      "Over-indexes on Age 18–24: 2.10× (38 % of its audience; Age index 135)",
    );
  });

  it("reads in Turkish and Russian with their number formats", () => {
    expect(plain(channelMatchText(tIn("tr"), overIndex, null))).toBe(
      "Yaş 18–24 grubunda yüksek endeks: 2,10× (kitlesinin %38 kadarı; Yaş endeksi 135)",
    );
    expect(plain(channelMatchText(tIn("ru"), overIndex, null))).toContain(
      "Высокий индекс в группе Возраст 18–24: 2,10×",
    );
  });

  it("labels each dimension of a list", () => {
    const missing = message("channelmatch:diagnosis.noCustomerData", {
      dimensions: "age,residency",
    });
    expect(channelMatchText(tIn("en"), missing, null)).toMatch(
      /^Missing from the customer data: Age, Residency\./,
    );
  });

  it("shows a reason stored before reasons were codes as written", () => {
    const old = "Best match on age (similarity 1.00)";
    expect(channelMatchText(tIn("en"), old, null)).toBe(old);
  });

  it("reads every message matchSegmentChannels writes", () => {
    const t = tIn("en");
    const result = matchSegmentChannels(
      [
        { segmentId: "young", name: "young", profile: { age: { age_18_24: 40, age_55_plus: 10 } } },
        { segmentId: "old", name: "old", profile: { age: { age_18_24: 10, age_55_plus: 40 } } },
      ],
      [
        { channelId: "a", name: "A", audience: { age: { age_18_24: 0.9, age_55_plus: 0.1 } } },
        { channelId: "b", name: "B", audience: { age: { age_18_24: 0.1, age_55_plus: 0.9 } } },
      ],
    );
    const texts = result.segments.flatMap((s) =>
      s.channels.flatMap((c) => c.reasons.map((r) => channelMatchText(t, r, null))),
    );
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(/channelmatch:|\{\{/);
  });
});

import { describe, expect, it } from "vitest";
import { describeSettings } from "~/datasets/settings-summary";
import { englishT } from "~/i18n/english";

describe("describeSettings", () => {
  it("reads an import's settings as one line, without internal bookkeeping", () => {
    expect(
      describeSettings(
        {
          encoding: "windows-1254",
          bom: false,
          delimiter: ";",
          quote: '"',
          decimalMark: ",",
          dateFormats: { birth_date: "dd.mm.yyyy", signup_date: "iso" },
          attributeTypes: { residency: "category" },
          defaultSource: "offline",
          customerSourcesAfter: 12,
        },
        englishT,
      ),
    ).toBe(
      "WINDOWS-1254 · delimiter ; · decimal mark , · dates: birth_date dd.mm.yyyy, signup_date iso · source offline",
    );
    expect(describeSettings({ encoding: "utf-8", bom: true, delimiter: "\t" }, englishT)).toBe(
      "UTF-8 with BOM · delimiter tab",
    );
    expect(describeSettings(null, englishT)).toBe("—");
  });
});

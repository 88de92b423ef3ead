import { describe, expect, it } from "vitest";
import { naturalKeyOf, type RowSettings } from "~/ingest/schemas";
import { english } from "../../helpers/english";
import { errorsOf, typedRow, warningsOf } from "./rows";

describe("campaigns", () => {
  const settings: RowSettings = {
    decimalMark: ".",
    dateFormats: { Start: "iso", End: "iso", Day: "iso" },
  };

  it("types a good row and keys it by id and day", () => {
    const value = typedRow(
      "campaigns",
      [
        ["Campaign", "name", "Spring"],
        ["ID", "campaign_id", "C-1"],
        ["Day", "date", "2024-03-02"],
        ["Spend", "spend", "1,250.50"],
        ["Impr", "impressions", "45,000"],
        ["Clicks", "clicks", "900"],
        ["Conv", "conversions", "31.5"],
        ["Revenue", "revenue", "4820"],
        ["Offer", "product", "Sneakers"],
      ],
      settings,
    );
    expect(english(value)).toMatchObject({
      campaign_id: "C-1",
      date: "2024-03-02",
      spend: 1250.5,
      impressions: 45000,
      clicks: 900,
      conversions: 31.5,
      revenue: 4820,
      product: "Sneakers",
    });
    expect(english(naturalKeyOf("campaigns", value))).toBe('["C-1","2024-03-02",""]');
  });

  it("keys a row of one segment by id, day and segment", () => {
    const value = typedRow(
      "campaigns",
      [
        ["ID", "campaign_id", "C-1"],
        ["Segment", "segment", " Champions "],
      ],
      settings,
    );
    expect(english(value.segment)).toBe("Champions");
    expect(english(naturalKeyOf("campaigns", value))).toBe('["C-1","","Champions"]');
  });

  it("uses the name as id when there is none", () => {
    const value = typedRow("campaigns", [["Campaign", "name", "Spring"]], settings);
    expect(english(value.campaign_id)).toBe("Spring");
    expect(english(naturalKeyOf("campaigns", value))).toBe('["Spring","",""]');
  });

  it("refuses impossible figures and dates", () => {
    expect(
      english(
        errorsOf(
          "campaigns",
          [
            ["ID", "campaign_id", "C"],
            ["Impr", "impressions", "12.5"],
            ["Spend", "spend", "-5"],
          ],
          settings,
        ),
      ),
    ).toEqual([
      { column: "Spend", field: "spend", reason: '"-5" is below 0' },
      { column: "Impr", field: "impressions", reason: '"12.5" is not a whole number' },
    ]);
    expect(
      english(
        errorsOf(
          "campaigns",
          [
            ["ID", "campaign_id", "C"],
            ["Start", "start_date", "2024-03-10"],
            ["End", "end_date", "2024-03-01"],
          ],
          settings,
        ),
      ),
    ).toEqual([
      {
        column: "End",
        field: "end_date",
        reason: "the campaign ends (2024-03-01) before it starts (2024-03-10)",
      },
    ]);
  });
});

describe("products", () => {
  it("types a good row and refuses a bad one", () => {
    const settings: RowSettings = { decimalMark: "," };
    const value = typedRow(
      "products",
      [
        ["Kod", "code", "P1"],
        ["Ad", "name", "Çay"],
        ["Fiyat", "price", "1.249,90 TL"],
      ],
      settings,
    );
    expect(english(value)).toEqual({ code: "P1", name: "Çay", category: null, price: 1249.9 });
    expect(english(naturalKeyOf("products", value))).toBe('["P1"]');
    expect(
      english(
        errorsOf(
          "products",
          [
            ["Kod", "code", ""],
            ["Fiyat", "price", "ücretsiz"],
          ],
          settings,
        ),
      ),
    ).toEqual([{ column: "Fiyat", field: "price", reason: '"ücretsiz" is not a number' }]);
    expect(english(errorsOf("products", [["Kod", "code", " "]], settings))).toEqual([
      { column: "Kod", field: "code", reason: "the product code is empty" },
    ]);
  });
});

describe("channel audiences", () => {
  const settings: RowSettings = { decimalMark: "." };

  it("normalises percents and fractions per group of shares", () => {
    const value = typedRow(
      "channel_audiences",
      [
        ["Channel", "channel_name", "Hürriyet"],
        ["URL", "url", "hurriyet.com.tr"],
        ["18-24", "age_18_24", "40"],
        ["25-34", "age_25_34", "60"],
        ["F", "gender_female", "0.55"],
        ["M", "gender_male", "0.45"],
        ["Local", "resident", "90%"],
        ["Foreign", "non_resident", "10%"],
        ["Sports", "interest_sports", "0.2"],
        ["Visits", "monthly_visits", "1.2M"],
        ["Duration", "avg_visit_duration_seconds", "04:35"],
        ["Bounce", "bounce_rate", "45"],
      ],
      settings,
    );
    expect(english(value)).toEqual({
      channel_name: "Hürriyet",
      channel_type: null,
      url: "https://hurriyet.com.tr/",
      age_bands: { age_18_24: 0.4, age_25_34: 0.6 },
      gender_female: 0.55,
      gender_male: 0.45,
      resident: 0.9,
      non_resident: 0.1,
      interests: { interest_sports: 0.2 },
      monthly_visits: 1_200_000,
      avg_visit_duration_seconds: 275,
      bounce_rate: 0.45,
    });
    expect(english(naturalKeyOf("channel_audiences", value))).toBe('["Hürriyet"]');
  });

  it("reads durations as seconds, mm:ss or hh:mm:ss", () => {
    const duration = (text: string) =>
      typedRow(
        "channel_audiences",
        [
          ["C", "channel_name", "x"],
          ["D", "avg_visit_duration_seconds", text],
        ],
        settings,
      ).avg_visit_duration_seconds;
    expect(
      english([duration("95"), duration("1:35"), duration("1:02:03"), duration("12.5")]),
    ).toEqual([95, 95, 3723, 12.5]);
    // A duration describes the channel, the name identifies it: the row is kept.
    expect(
      english(
        warningsOf(
          "channel_audiences",
          [
            ["C", "channel_name", "x"],
            ["D", "avg_visit_duration_seconds", "4:75"],
          ],
          settings,
        ),
      ),
    ).toEqual({
      value: expect.objectContaining({ channel_name: "x", avg_visit_duration_seconds: null }),
      warnings: [
        {
          column: "D",
          field: "avg_visit_duration_seconds",
          value: "4:75",
          reason: '"4:75" is not a duration (mm:ss)',
        },
      ],
    });
  });

  it("refuses shares beyond 100%, and keeps rows with bad addresses", () => {
    expect(
      english(
        errorsOf(
          "channel_audiences",
          [
            ["C", "channel_name", "x"],
            ["F", "gender_female", "135%"],
          ],
          settings,
        ),
      ),
    ).toEqual([
      { column: "F", field: "gender_female", reason: '"135%" is not a share between 0% and 100%' },
    ]);
    expect(
      english(
        warningsOf(
          "channel_audiences",
          [
            ["C", "channel_name", "x"],
            ["U", "url", "not a site"],
          ],
          settings,
        ).warnings,
      ),
    ).toEqual([
      {
        column: "U",
        field: "url",
        value: "not a site",
        reason: '"not a site" is not a web address',
      },
    ]);
  });
});

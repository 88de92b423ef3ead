import { describe, expect, it } from "vitest";
import { attributeName, attributeNamesOf, inferAttributeType } from "~/ingest/attributes";

describe("inferAttributeType", () => {
  it.each([
    [["12", "7", "", "1.250"], ",", "number"],
    [["12.5", "n/a", "-3"], ".", "number"],
    [["2024-01-05", "2023-12-31"], ".", "date"],
    // Ambiguous day/month order is still a date; its format is asked separately.
    [["03/04/2024", "05/06/2024"], ".", "date"],
    [["VIP", "Regular"], ".", "category"],
    [["12", "many"], ".", "category"],
    [["01.02.2024", "soon"], ",", "category"],
    // Codes that only look numeric stay categories.
    [["00123", "00456"], ".", "category"],
    [["+905321112233"], ".", "category"],
    [["4111111111111111"], ".", "category"],
    [["", " "], ".", "category"],
  ] as const)("%j (decimal %s) → %s", (values, mark, type) => {
    expect(inferAttributeType(values, mark)).toBe(type);
  });
});

describe("attributeName", () => {
  it.each([
    ["credit_score", "credit_score"],
    ["Kredi Notu", "credit_score"],
    ["KREDİ NOTU", "credit_score"],
    ["Кредитный балл", "credit_score"],
    ["CreditScore", "credit_score"],
    ["Yerleşiklik", "residency"],
    ["Resident status", "residency"],
    ["Çocuk Sayısı", "children_count"],
    ["Ürün Sayısı", "num_products"],
    ["num_products", "num_products"],
    ["Семейное положение", "marital_status"],
  ])("%s is stored as %s", (header, name) => {
    expect(attributeName(header)).toBe(name);
  });

  it("keeps any other header as written, trimmed", () => {
    expect(attributeName(" Favourite store ")).toBe("Favourite store");
    expect(attributeName("NPS score")).toBe("NPS score");
    // Too general to be sure of: a bare "score" or "children" keeps its own name.
    expect(attributeName("Score")).toBe("Score");
    expect(attributeName("Children")).toBe("Children");
    // Yes/no columns are not the status itself.
    expect(attributeName("resident")).toBe("resident");
    expect(attributeName("Married")).toBe("Married");
  });

  it("keeps both columns of one file under their headers when they would share a name", () => {
    const names = attributeNamesOf(["Segment", "Customer Segment", "Kredi Notu", " Hobby "]);
    expect([...names]).toEqual([
      ["Segment", "Segment"],
      ["Customer Segment", "Customer Segment"],
      ["Kredi Notu", "credit_score"],
      [" Hobby ", "Hobby"],
    ]);
  });
});

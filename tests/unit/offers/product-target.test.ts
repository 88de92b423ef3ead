import { describe, expect, it } from "vitest";
import { editDistance, resolveTarget, suggestTargets } from "~/offers/product-target";

const CATALOGUE = [
  { code: "BCC-001", name: "Anadolu Klasik Kart Yıllık Aidat", category: "Credit Card" },
  { code: "BCC-002", name: "Anadolu Platinum Kart Yıllık Aidat", category: "Credit Card" },
  { code: "GRC-001", name: "Süt 1 L", category: "Groceries" },
  // A sale naming the product without the products file's code.
  { code: null, name: "Anadolu Klasik Kart Yıllık Aidat", category: null },
];

describe("resolveTarget", () => {
  it("finds a code, then a name, then a category, ignoring case and accents", () => {
    expect(resolveTarget(CATALOGUE, "bcc-002")).toEqual({
      kind: "code",
      label: "BCC-002",
      codes: ["BCC-002"],
      names: ["Anadolu Platinum Kart Yıllık Aidat"],
      categories: [],
    });
    expect(resolveTarget(CATALOGUE, "ANADOLU KLASİK KART YILLIK AİDAT")).toMatchObject({
      kind: "name",
      codes: ["BCC-001"],
      names: ["Anadolu Klasik Kart Yıllık Aidat"],
    });
    expect(resolveTarget(CATALOGUE, " credit  card ")).toMatchObject({
      kind: "category",
      label: "Credit Card",
      codes: ["BCC-001", "BCC-002"],
      categories: ["Credit Card"],
    });
    expect(resolveTarget(CATALOGUE, "sut 1 l")?.label).toBe("Süt 1 L");
    expect(resolveTarget(CATALOGUE, "Debit Card")).toBeNull();
    expect(resolveTarget(CATALOGUE, "  ")).toBeNull();
  });
});

describe("suggestTargets", () => {
  it("suggests names containing the words, then names a typo away", () => {
    expect(suggestTargets(CATALOGUE, "klasik kart")).toEqual([
      { label: "Anadolu Klasik Kart Yıllık Aidat", kind: "name" },
    ]);
    expect(suggestTargets(CATALOGUE, "kart")).toEqual([
      { label: "Anadolu Klasik Kart Yıllık Aidat", kind: "name" },
      { label: "Anadolu Platinum Kart Yıllık Aidat", kind: "name" },
    ]);
    // Two letters off in eleven: a typo.
    expect(suggestTargets(CATALOGUE, "Credt Crd")).toEqual([
      { label: "Credit Card", kind: "category" },
    ]);
    expect(suggestTargets(CATALOGUE, "mortgage")).toEqual([]);
  });

  it("measures edits", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("card", "card")).toBe(0);
  });
});

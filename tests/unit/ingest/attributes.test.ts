import { describe, expect, it } from "vitest";
import { inferAttributeType } from "~/ingest/attributes";

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

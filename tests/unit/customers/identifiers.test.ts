import { describe, expect, it } from "vitest";
import { ERASED, personMatcher } from "~/customers/identifiers";

const ali = personMatcher({
  externalIds: ["12", "C-7"],
  emails: ["ali.yilmaz@example.com"],
  phones: ["+905321234567"],
  names: ["Ali Yılmaz"],
});

describe("finding a person's identifiers in free text", () => {
  it.each([
    "C-7,Someone,,",
    "12;x;y",
    '{"customer":"12"}',
    "x,ALI.YILMAZ@EXAMPLE.COM,y",
    "x,ALİ YILMAZ,y",
    "x,ali yilmaz,y",
    "x,0532 123 45 67,y",
    "x,+90 (532) 123-45-67,y",
    "x,905321234567,y",
    "x,5321234567,y",
  ])("finds %j", (text) => {
    expect(ali.mentions(text)).toBe(true);
  });

  it.each([
    "C-70,Someone",
    "2024-12-05,x", // the id "12" inside a date is not a cell of its own
    "x,ali.yilmaz@example.org",
    "x,Ali Yılmazer,y",
    "x,0532 123 45 68,y",
    "x,0212 123 45 67,y",
  ])("does not find %j", (text) => {
    expect(ali.mentions(text)).toBe(false);
  });

  it("blanks each identifier out of a message and keeps the rest", () => {
    expect(ali.redact('Line 3: phone "0532 123 45 67" of Ali Yılmaz is not valid')).toBe(
      `Line 3: phone "${ERASED}" of ${ERASED} is not valid`,
    );
    expect(ali.redact("customer C-7 has e-mail Ali.Yilmaz@example.com")).toBe(
      `customer ${ERASED} has e-mail ${ERASED}`,
    );
    expect(ali.redact("nothing personal")).toBe("nothing personal");
  });

  it("blanks the whole text when a spelling escapes the patterns", () => {
    expect(ali.redact("note: ALİ  YILMAZ called")).toBe(ERASED);
  });

  it("walks JSON values and keys", () => {
    expect(
      ali.redactJson({ rows: [{ email: "ali.yilmaz@example.com", n: 3 }], "C-7": true }),
    ).toEqual({
      rows: [{ email: ERASED, n: 3 }],
      [ERASED]: true,
    });
  });
});

import { describe, expect, it } from "vitest";
import { formatRowError, naturalKeyOf, type RowSettings } from "~/ingest/schemas";
import { english } from "../../helpers/english";
import { errorsOf, typedRow, warningsOf } from "./rows";

const turkishFile: RowSettings = {
  decimalMark: ",",
  dateFormats: {
    "Doğum Tarihi": "dd.mm.yyyy",
    "SMS İzin Tarihi": "dd.mm.yyyy",
    Kayıt: "dd.mm.yyyy",
    "Son Alışveriş": "dd.mm.yyyy",
  },
  attributeTypes: { Puan: "number", "Son Alışveriş": "date", Segment: "category" },
};

describe("customers", () => {
  it("types a good row", () => {
    const value = typedRow(
      "customers",
      [
        ["Müşteri No", "external_id", " C001 "],
        ["Kaynak", "source", "Mağaza"],
        ["Ad Soyad", "name", "Ayşe Yılmaz"],
        ["E-posta", "email", "Ayse@Example.com"],
        ["Telefon", "phone", "0532 111 22 33"],
        ["Cinsiyet", "gender", "KADIN"],
        ["Doğum Tarihi", "birth_date", "14.03.1985"],
        ["Şehir", "city", "İstanbul"],
        ["Gelir", "income", "18.500,50"],
        ["Kayıt", "signup_date", "01.02.2023"],
        ["SMS İzni", "consent_sms", "Evet"],
        ["E-posta İzni", "consent_email", "hayır"],
        ["KVKK", "consent_data_processing", "1"],
        ["SMS İzin Tarihi", "consent_sms_at", "01.02.2023 10:15"],
        ["Puan", null, "1.250"],
        ["Son Alışveriş", null, "05.03.2024"],
        ["Segment", null, "VIP"],
      ],
      turkishFile,
    );
    expect(english(value)).toEqual({
      external_id: "C001",
      source: "offline",
      name: "Ayşe Yılmaz",
      email: "ayse@example.com",
      phone: "+905321112233",
      gender: "female",
      birth_date: "1985-03-14",
      birth_year: 1985,
      city: "İstanbul",
      income: 18500.5,
      signup_date: "2023-02-01",
      consent_sms: true,
      consent_email: false,
      consent_data_processing: true,
      consent_sms_at: "2023-02-01T10:15:00.000Z",
      consent_email_at: null,
      consent_data_processing_at: null,
      attributes: {
        Puan: { type: "number", value: 1250 },
        "Son Alışveriş": { type: "date", value: "2024-03-05" },
        // A well-known attribute is stored under its common name (attributeName).
        segment: { type: "category", value: "VIP" },
      },
    });
  });

  it.each([
    ["yes", true],
    ["no", false],
    ["1", true],
    ["0", false],
    ["TRUE", true],
    ["false", false],
    ["Evet", true],
    ["HAYIR", false],
    ["да", true],
    ["Нет", false],
    ["y", true],
    ["N", false],
  ])("reads consent %j as %s", (text, consent) => {
    const value = typedRow(
      "customers",
      [
        ["id", "external_id", "1"],
        ["sms", "consent_sms", text],
      ],
      { decimalMark: "." },
    );
    expect(english(value.consent_sms)).toBe(consent);
  });

  it("reads genders and sources in three languages", () => {
    const read = (gender: string, source: string) =>
      typedRow(
        "customers",
        [
          ["id", "external_id", "1"],
          ["g", "gender", gender],
          ["s", "source", source],
        ],
        { decimalMark: "." },
      );
    expect(english(read("F", "web"))).toMatchObject({ gender: "female", source: "online" });
    expect(english(read("Erkek", "Çevrimiçi"))).toMatchObject({ gender: "male", source: "online" });
    expect(english(read("ж", "офлайн"))).toMatchObject({ gender: "female", source: "offline" });
    expect(english(read("М", "Bayi Ağı"))).toMatchObject({ gender: "male", source: "Bayi Ağı" });
  });

  it("takes the birth year from a year column or from the birth date", () => {
    const settings: RowSettings = { decimalMark: ".", dateFormats: { dob: "iso" } };
    expect(
      english(
        typedRow(
          "customers",
          [
            ["id", "external_id", "1"],
            ["y", "birth_year", "1979"],
          ],
          settings,
        ).birth_year,
      ),
    ).toBe(1979);
    expect(
      english(
        typedRow(
          "customers",
          [
            ["id", "external_id", "1"],
            ["dob", "birth_date", "1980-05-06"],
          ],
          settings,
        ).birth_year,
      ),
    ).toBe(1980);
    // Two cells that disagree keep the row: the date's year wins, with a warning.
    const { value, warnings } = warningsOf(
      "customers",
      [
        ["id", "external_id", "1"],
        ["dob", "birth_date", "1980-05-06"],
        ["y", "birth_year", "1981"],
      ],
      settings,
    );
    expect(english(value.birth_year)).toBe(1980);
    expect(english(warnings)).toEqual([
      {
        column: "y",
        field: "birth_year",
        value: "1981",
        reason: "birth year 1981 does not match birth date 1980-05-06; the date's year is kept",
      },
    ]);
  });

  it("keeps a row whose descriptive cells cannot be read, and warns for each", () => {
    const { value, warnings } = warningsOf(
      "customers",
      [
        ["Müşteri No", "external_id", "C9"],
        ["E-posta", "email", "x@"],
        ["Doğum Tarihi", "birth_date", "31.02.2024"],
        ["Gelir", "income", "abc"],
        ["Telefon", "phone", "123"],
        ["Cinsiyet", "gender", "bilinmez"],
        ["Puan", null, "çok"],
      ],
      turkishFile,
    );
    expect(english(value)).toMatchObject({
      external_id: "C9",
      email: null,
      birth_date: null,
      income: null,
      phone: null,
      gender: null,
      attributes: {},
    });
    expect(english(warnings)).toEqual([
      { column: "E-posta", field: "email", value: "x@", reason: 'e-mail "x@" is not valid' },
      { column: "Telefon", field: "phone", value: "123", reason: 'phone "123" is not valid' },
      {
        column: "Cinsiyet",
        field: "gender",
        value: "bilinmez",
        reason: '"bilinmez" is not a known gender (female, male, other)',
      },
      {
        column: "Doğum Tarihi",
        field: "birth_date",
        value: "31.02.2024",
        reason: '"31.02.2024" is not a valid date (dd.mm.yyyy)',
      },
      { column: "Gelir", field: "income", value: "abc", reason: '"abc" is not a number' },
      { column: "Puan", field: "attribute", value: "çok", reason: '"çok" is not a number' },
    ]);
  });

  it("leaves implausible birth years, birth dates and incomes empty, with a warning", () => {
    const future = new Date().getUTCFullYear() + 1;
    const read = (field: string, text: string) =>
      warningsOf(
        "customers",
        [
          ["ID", "external_id", "7"],
          ["Cell", field, text],
        ],
        { decimalMark: ".", dateFormats: { Cell: "iso" } },
      ).warnings.map((warning) => warning.reason);
    expect(english(read("birth_year", "1893"))).toEqual(["birth year 1893 is before 1900"]);
    expect(english(read("birth_year", String(future)))).toEqual([
      `birth year ${future} is in the future`,
    ]);
    expect(english(read("birth_year", "19x5"))).toEqual([
      'birth year "19x5" is not a whole number',
    ]);
    expect(english(read("birth_year", "1900"))).toEqual([]);
    expect(english(read("birth_date", "1893-04-01"))).toEqual([
      "birth date 1893-04-01 is before 1900",
    ]);
    expect(english(read("birth_date", `${future}-01-01`))).toEqual([
      `birth date ${future}-01-01 is in the future`,
    ]);
    expect(english(read("income", "-500"))).toEqual(["income -500 is negative"]);
  });

  it("still rejects a row whose consent cannot be read, naming every bad cell", () => {
    const errors = errorsOf(
      "customers",
      [
        ["Müşteri No", "external_id", "C9"],
        ["E-posta", "email", "x@"],
        ["SMS İzni", "consent_sms", "belki"],
      ],
      turkishFile,
    );
    expect(english(errors)).toEqual([
      { column: "SMS İzni", field: "consent_sms", reason: '"belki" is not yes or no' },
    ]);
    expect(english(formatRowError(errors[0] ?? { column: "", field: "", reason: "" }))).toBe(
      'Column "SMS İzni": "belki" is not yes or no',
    );
  });

  it("refuses a row without a customer id, and treats n/a and - as empty", () => {
    expect(
      english(
        errorsOf(
          "customers",
          [
            ["ID", "external_id", "n/a"],
            ["Name", "name", "Ali"],
          ],
          { decimalMark: "." },
        ),
      ),
    ).toEqual([{ column: "ID", field: "external_id", reason: "the customer id is empty" }]);
    const value = typedRow(
      "customers",
      [
        ["ID", "external_id", "7"],
        ["Income", "income", "-"],
      ],
      { decimalMark: "." },
    );
    expect(english(value.income)).toBeNull();
  });

  it("asks for the date format of a column left ambiguous", () => {
    expect(
      english(
        warningsOf(
          "customers",
          [
            ["ID", "external_id", "7"],
            ["Joined", "signup_date", "03/04/2024"],
          ],
          { decimalMark: "." },
        ).warnings,
      ),
    ).toEqual([
      {
        column: "Joined",
        field: "signup_date",
        value: "03/04/2024",
        reason: 'choose the date format of column "Joined" ("03/04/2024" fits several)',
      },
    ]);
    // An unambiguous value needs no choice.
    const value = typedRow(
      "customers",
      [
        ["ID", "external_id", "7"],
        ["Joined", "signup_date", "25/04/2024"],
      ],
      { decimalMark: "." },
    );
    expect(english(value.signup_date)).toBe("2024-04-25");
  });

  it("keys customers by external id and source", () => {
    const value = typedRow(
      "customers",
      [
        ["ID", "external_id", "7"],
        ["S", "source", "online"],
      ],
      { decimalMark: "." },
    );
    expect(english(naturalKeyOf("customers", value))).toBe('["7","online"]');
    const noSource = typedRow("customers", [["ID", "external_id", "7"]], { decimalMark: "." });
    expect(english(naturalKeyOf("customers", noSource))).toBe('["7",""]');
  });
});

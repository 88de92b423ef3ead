import { describe, expect, it } from "vitest";
import {
  emptyProfile,
  MERGE_RULES,
  mergeRecord,
  profilesDiffer,
  stableJson,
} from "~/customers/merge-rules";
import type { CustomerRow } from "~/ingest/schemas";

const blank: CustomerRow = {
  external_id: "1",
  source: null,
  name: null,
  email: null,
  phone: null,
  gender: null,
  birth_date: null,
  birth_year: null,
  city: null,
  income: null,
  signup_date: null,
  consent_sms: null,
  consent_email: null,
  consent_data_processing: null,
  consent_sms_at: null,
  consent_email_at: null,
  consent_data_processing_at: null,
  attributes: {},
};
const record = (fields: Partial<CustomerRow>): CustomerRow => ({ ...blank, ...fields });

describe("merging one record into a profile", () => {
  it("fills, overwrites with the newer record, and never blanks", () => {
    const first = mergeRecord(
      emptyProfile(),
      record({ name: "Ali", city: "Ankara", income: 1000 }),
      "online",
      "2024-01-01T00:00:00.000Z",
    );
    const second = mergeRecord(
      first,
      record({ city: "İzmir", gender: "male" }),
      "offline",
      "2024-02-01T00:00:00.000Z",
    );
    expect(second).toMatchObject({ name: "Ali", city: "İzmir", gender: "male", income: 1000 });
  });

  it("keeps the consent with the latest date; equal dates go to the later load", () => {
    const yes = mergeRecord(
      emptyProfile(),
      record({ consent_email: true, consent_email_at: "2024-05-01T00:00:00.000Z" }),
      "online",
      "2024-06-01T00:00:00.000Z",
    );
    const olderNo = mergeRecord(
      yes,
      record({ consent_email: false, consent_email_at: "2024-04-30T23:59:59.000Z" }),
      "offline",
      "2024-07-01T00:00:00.000Z",
    );
    expect([olderNo.consent_email, olderNo.consent_email_source]).toEqual([true, "online"]);
    const sameTimeNo = mergeRecord(
      yes,
      record({ consent_email: false, consent_email_at: "2024-05-01T00:00:00.000Z" }),
      "offline",
      "2024-07-01T00:00:00.000Z",
    );
    expect([sameTimeNo.consent_email, sameTimeNo.consent_email_source]).toEqual([false, "offline"]);
  });

  it("treats an empty consent cell as no news, even with a date", () => {
    const yes = mergeRecord(
      emptyProfile(),
      record({ consent_sms: true }),
      "online",
      "2024-01-01T00:00:00.000Z",
    );
    const after = mergeRecord(
      yes,
      record({ consent_sms: null, consent_sms_at: "2025-01-01T00:00:00.000Z" }),
      "offline",
      "2025-01-02T00:00:00.000Z",
    );
    expect(after).toMatchObject({
      consent_sms: true,
      consent_sms_at: "2024-01-01T00:00:00.000Z",
      consent_sms_source: "online",
    });
  });

  it("merges attribute values over older ones", () => {
    const first = mergeRecord(
      emptyProfile(),
      record({
        attributes: { a: { type: "number", value: 1 }, b: { type: "category", value: "x" } },
      }),
      "s",
      "t1",
    );
    const second = mergeRecord(
      first,
      record({ attributes: { a: { type: "number", value: 2 } } }),
      "s",
      "t2",
    );
    expect(second.attributes).toEqual({ a: 2, b: "x" });
    expect(profilesDiffer(first, second)).toBe(true);
    expect(profilesDiffer(second, { ...second, attributes: { b: "x", a: 2 } })).toBe(false);
  });

  it("hashes equal values equally whatever the key order", () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it("explains every rule in a sentence", () => {
    expect(MERGE_RULES.length).toBeGreaterThanOrEqual(5);
    for (const rule of MERGE_RULES) expect(rule).toMatch(/^[A-Z].+\.$/);
  });
});

/**
 * Audiences from a segment: consent per channel (e-mail needs e-mail consent, SMS needs SMS
 * consent, both need data-processing consent), the interest filter, the weekly cap from
 * recorded contacts, and a CSV that a spreadsheet cannot run as a formula.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { buildAudienceFromSegment } from "~/segments/audience.server";
import { audienceCsv } from "~/segments/audience-csv";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addRun, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;
let runId = 0;
const id: Record<string, number> = {};
const DAY = 86_400_000;
const t0 = Date.parse("2025-03-10T09:00:00Z");

beforeAll(() => {
  ws = addWorkspace(db, "bank");
  const contact = (name: string) => ({
    email: `${name}@example.test`,
    phone: `+9053200000${name.at(-1)}`,
  });
  id.a1 = addCustomer(db, ws, {
    ...contact("a1"),
    name: "Ayşe",
    consentDataProcessing: true,
    consentEmail: true,
    consentSms: false,
  });
  id.a2 = addCustomer(db, ws, {
    ...contact("a2"),
    consentDataProcessing: true,
    consentEmail: false,
    consentSms: true,
  });
  id.a3 = addCustomer(db, ws, {
    ...contact("a3"),
    consentDataProcessing: false,
    consentEmail: true,
    consentSms: true,
  });
  id.a4 = addCustomer(db, ws, { ...contact("a4"), consentEmail: true, consentSms: true });
  id.a5 = addCustomer(db, ws, {
    ...contact("a5"),
    name: '=HYPERLINK("http://evil.test","x")',
    consentDataProcessing: true,
    consentEmail: true,
    consentSms: true,
  });
  addTransaction(db, ws, {
    customerId: id.a1 as number,
    date: "2025-03-01",
    amount: 100,
    category: "Travel",
  });
  addTransaction(db, ws, {
    customerId: id.a5 as number,
    date: "2025-03-01",
    amount: 100,
    category: "Tech",
  });
  const members = Object.fromEntries(Object.values(id).map((customer) => [customer, "S"]));
  runId = addRun(db, ws, "2025-03-01", members);
});

describe("buildAudienceFromSegment", () => {
  it("keeps only customers with the consents the channel needs", () => {
    const email = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "email",
      record: false,
      asOf: t0,
    });
    expect(email.members.map((m) => m.customer_id)).toEqual([id.a1, id.a5]);
    expect(email.members[0]).toEqual({
      customer_id: id.a1,
      name: "Ayşe",
      external_id: null,
      contact: "a1@example.test",
    });
    expect(email.segment_members).toBe(5);
    expect(email.excluded).toEqual({
      not_interested: 0,
      no_data_processing_consent: 2,
      no_channel_consent: 1,
      frequency_cap: 0,
    });
    const sms = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "sms",
      record: false,
      asOf: t0,
    });
    expect(sms.members.map((m) => m.customer_id)).toEqual([id.a2, id.a5]);
    expect(sms.members[0]?.contact).toBe("+90532000002");
    expect(sms.excluded.no_channel_consent).toBe(1);
  });

  it("filters by category interest", () => {
    const travel = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "email",
      category: "Travel",
      record: false,
      asOf: t0,
    });
    expect(travel.members.map((m) => m.customer_id)).toEqual([id.a1]);
    // a2 (no purchases) and a5 (Tech) are not interested; a3 and a4 lack consent.
    expect(travel.excluded).toMatchObject({ not_interested: 2, no_data_processing_consent: 2 });
  });

  it("records contacts and applies the weekly cap across channels", () => {
    const sent = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "email",
      weeklyCap: 1,
      record: true,
      asOf: t0,
    });
    expect(sent.recorded).toBe(2);
    const count = db.$client
      .prepare("SELECT count(*) FROM audience_contacts WHERE workspace_id = ?")
      .pluck()
      .get(ws);
    expect(count).toBe(2);

    const nextDay = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "sms",
      weeklyCap: 1,
      record: false,
      asOf: t0 + DAY,
    });
    expect(nextDay.members.map((m) => m.customer_id)).toEqual([id.a2]);
    expect(nextDay.excluded.frequency_cap).toBe(1); // a5 had an e-mail yesterday

    const sameChannelOnly = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "sms",
      weeklyCap: 1,
      record: false,
      asOf: t0 + DAY,
      capScope: "this-channel",
    });
    expect(sameChannelOnly.members.map((m) => m.customer_id)).toEqual([id.a2, id.a5]);

    // Exactly 7 days later the e-mail falls out of (send − 7 days, send].
    const weekLater = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "sms",
      weeklyCap: 1,
      record: false,
      asOf: t0 + 7 * DAY,
    });
    expect(weekLater.excluded.frequency_cap).toBe(0);
  });

  it("writes a CSV whose formula-like names are neutralised", () => {
    const audience = buildAudienceFromSegment(scopeTo(db, ws), {
      runId,
      segment: "S",
      channel: "email",
      record: false,
      asOf: t0 + 30 * DAY,
    });
    const csv = audienceCsv(audience);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("customer_id,name,email,segment,predicted_value");
    expect(lines[1]).toBe(`${id.a1},Ayşe,a1@example.test,S,`);
    expect(lines[2]).toBe(`${id.a5},"'=HYPERLINK(""http://evil.test"",""x"")",a5@example.test,S,`);
  });

  it("says so when the segment does not exist in the run", () => {
    expect(() =>
      buildAudienceFromSegment(scopeTo(db, ws), {
        runId,
        segment: "Nope",
        channel: "email",
        record: false,
      }),
    ).toThrow('has no segment "Nope"');
  });
});

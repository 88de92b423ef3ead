import { describe, expect, it } from "vitest";
import { type AudienceCustomer, buildAudience, CONSENT_RULES } from "~/analytics/audience";

const DAY = 86_400_000;
const asOf = Date.UTC(2024, 5, 15);
const yes = { consentDataProcessing: true, consentEmail: true, consentSms: true };

const customers: AudienceCustomer[] = [
  { customerId: "ok", segment: "Champions", ...yes, interests: ["shoes"] },
  {
    customerId: "no-processing",
    segment: "Champions",
    ...yes,
    consentDataProcessing: false,
    interests: ["shoes"],
  },
  {
    customerId: "no-email",
    segment: "Champions",
    ...yes,
    consentEmail: null,
    interests: ["shoes"],
  },
  { customerId: "no-sms", segment: "Champions", ...yes, consentSms: false, interests: ["shoes"] },
  { customerId: "busy", segment: "Champions", ...yes, interests: ["shoes"] },
  { customerId: "books-only", segment: "Champions", ...yes, interests: ["books"] },
  { customerId: "other-segment", segment: "Lost", ...yes, interests: ["shoes"] },
  { customerId: "unknown-consent", segment: "Loyal", interests: ["shoes"] },
];
const contactLog = [
  { customerId: "busy", contactedAt: asOf - 1 * DAY, channel: "email" },
  { customerId: "busy", contactedAt: asOf - 3 * DAY, channel: "sms" },
  { customerId: "ok", contactedAt: asOf - 7 * DAY, channel: "email" }, // exactly a week ago: outside
  { customerId: "ok", contactedAt: asOf - 8 * DAY, channel: "email" },
];

describe("buildAudience", () => {
  it("requires data-processing and e-mail consent for e-mail", () => {
    expect(CONSENT_RULES.email).toEqual(["consentDataProcessing", "consentEmail"]);
    const result = buildAudience({
      customers,
      segments: ["Champions", "Loyal"],
      channel: "email",
      asOf,
    });
    expect(result.members).toEqual(["ok", "no-sms", "busy", "books-only"]);
    expect(result.segmentMembers).toBe(7);
    expect(result.excluded).toEqual({
      notInterested: 0,
      noDataProcessingConsent: 2,
      noChannelConsent: 1,
      frequencyCap: 0,
    });
  });

  it("requires SMS consent for SMS and filters by category interest", () => {
    const result = buildAudience({
      customers,
      segments: ["Champions"],
      channel: "sms",
      categories: ["shoes"],
      asOf,
    });
    expect(result.members).toEqual(["ok", "no-email", "busy"]);
    expect(result.excluded).toEqual({
      notInterested: 1,
      noDataProcessingConsent: 1,
      noChannelConsent: 1,
      frequencyCap: 0,
    });
  });

  it("applies a weekly frequency cap over all channels or one channel", () => {
    // "busy" had 2 contacts in the last 7 days (e-mail and SMS); "ok" had none inside the window.
    const capped = buildAudience({
      customers,
      segments: ["Champions"],
      channel: "email",
      contactLog,
      maxContactsPerWeek: 2,
      asOf,
    });
    expect(capped.members).toEqual(["ok", "no-sms", "books-only"]);
    expect(capped.excluded.frequencyCap).toBe(1);
    const emailOnly = buildAudience({
      customers,
      segments: ["Champions"],
      channel: "email",
      contactLog,
      maxContactsPerWeek: 2,
      capScope: "this-channel",
      asOf,
    });
    expect(emailOnly.members).toContain("busy"); // one e-mail in the window < 2
    const strict = buildAudience({
      customers,
      segments: ["Champions"],
      channel: "email",
      contactLog,
      maxContactsPerWeek: 1,
      asOf,
    });
    expect(strict.members).toEqual(["ok", "no-sms", "books-only"]);
  });
});

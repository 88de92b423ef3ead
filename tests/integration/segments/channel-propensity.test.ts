/**
 * scoreChannelUsers on a hand-made workspace: customers born 1995–2002 bought category
 * "Gaming", customers born 1955–1962 bought "Pensions" (docs/analytics.md §10). A channel
 * of young users must then score higher for Gaming than a channel of older users, and the
 * other way round for Pensions.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { scoreChannelUsers } from "~/segments/channel-propensity.server";
import { SegmentInputError } from "~/segments/errors";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addTransaction, addWorkspace } from "./fixtures";

const { db } = setUpTestDb();
let ws = 0;
const REFERENCE = "2025-06-01";

beforeAll(() => {
  ws = addWorkspace(db, "bank");
  const buy = (customerId: number, category: string, date = "2025-01-10") =>
    addTransaction(db, ws, { customerId, date, amount: 100, category });
  for (let year = 1995; year <= 2002; year++) {
    const id = addCustomer(db, ws, { consentDataProcessing: true, birthYear: year });
    buy(id, "Gaming");
  }
  for (let year = 1955; year <= 1962; year++) {
    const id = addCustomer(db, ws, { consentDataProcessing: true, birthYear: year });
    buy(id, "Pensions");
  }
  // Without consent: an old customer buying Gaming must not teach the model anything.
  for (let i = 0; i < 20; i++) {
    const id = addCustomer(db, ws, { consentDataProcessing: false, birthYear: 1950 });
    buy(id, "Gaming");
  }
  // After the reference date: not a purchase yet.
  const late = addCustomer(db, ws, { consentDataProcessing: true, birthYear: 1960 });
  buy(late, "Gaming", "2025-07-01");
});

const score = (csv: string, target: "category" | "product" = "category") =>
  scoreChannelUsers(scopeTo(db, ws), csv, { target, referenceDate: REFERENCE });

describe("scoreChannelUsers", () => {
  it("scores young users higher for Gaming and older users higher for Pensions", () => {
    const csv = [
      "Kanal;Yaş;favourite_colour",
      "young;24;red",
      "young;27;blue",
      "young;25;green",
      "old;63;red",
      "old;68;blue",
    ].join("\n");
    const report = score(csv);
    expect(report.features).toEqual(["age"]);
    expect(report.columns).toMatchObject({ channel: "Kanal", age: "Yaş" });
    expect(report.ignored_columns).toEqual(["favourite_colour"]);
    expect(report.customers_trained_on).toBe(17);
    expect(report.excluded_without_consent).toBe(20);
    expect(report.targets).toEqual([
      { name: "Gaming", buyers: 8 },
      { name: "Pensions", buyers: 8 },
    ]);
    const young = report.channels.find((c) => c.channel === "young");
    const old = report.channels.find((c) => c.channel === "old");
    expect(young?.users).toBe(3);
    expect(old?.users).toBe(2);
    const youngGaming = young?.mean_propensity.Gaming as number;
    const oldGaming = old?.mean_propensity.Gaming as number;
    expect(youngGaming).toBeGreaterThan(0.5);
    expect(oldGaming).toBeLessThan(0.5);
    expect(old?.mean_propensity.Pensions as number).toBeGreaterThan(
      young?.mean_propensity.Pensions as number,
    );
  });

  it("reads age from birth_year and counts bad rows with their line and column", () => {
    const csv = [
      "channel,birth_year,resident,age_band_note",
      "young,2000,yes,x",
      "young,abc,yes,x",
      ",1999,yes,x",
      "old,1960,maybe,x",
      "old,1958,no,x",
    ].join("\n");
    const report = score(csv);
    expect(report.bad_rows).toBe(3);
    expect(report.users_scored).toBe(2);
    expect(report.problems).toEqual([
      'Line 3, column "birth_year": "abc" is not a number',
      'Line 4, column "channel": the channel is empty',
      'Line 5, column "resident": "maybe" is not yes or no',
    ]);
    // Customers have no residency, so only age is shared.
    expect(report.features).toEqual(["age"]);
    const young = report.channels.find((c) => c.channel === "young");
    const old = report.channels.find((c) => c.channel === "old");
    expect(young?.mean_propensity.Gaming as number).toBeGreaterThan(
      old?.mean_propensity.Gaming as number,
    );
  });

  it("says clearly when the file shares no attribute with the customers", () => {
    const csv = "channel,gender,shoe_size\nyoung,female,38\nold,male,44\n";
    expect(() => score(csv)).toThrow(SegmentInputError);
    expect(() => score(csv)).toThrow(/No column of the file is an attribute the customers have/);
  });

  it("needs a channel column", () => {
    expect(() => score("age\n30\n")).toThrow(/needs a "channel" column/);
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "#db/client";
import { scopeTo } from "#db/scoped";
import { planSegmentNotifications } from "~/notifications/plan-notifications.server";
import { setUpTestDb } from "../../helpers/test-db";
import { addWorkspace } from "../segments/fixtures";
import { addShopWithResponses } from "./plan-fixture";

/**
 * On the shop of plan-fixture.ts ("Young" answer sms best, "Loyal" e-mail, a historical
 * policy that sent mostly e-mail), the plan must learn to send sms to Young.
 */
describe("plan-notifications", () => {
  let db: Db;
  let dir: string;
  let workspaceId: number;
  let runId: number;
  beforeEach(() => {
    ({ db, dir } = setUpTestDb());
    workspaceId = addWorkspace(db, "shop");
    ({ runId } = addShopWithResponses(db, workspaceId));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("sends each segment its best channel within consent, and beats the historical policy", () => {
    const young = planSegmentNotifications(scopeTo(db, workspaceId), {
      runId,
      segment: "Young",
      weeklyCap: 2,
      explore: 0.1,
      outputDir: path.join(dir, "out"),
    });
    expect(young.segment_members).toBe(150);
    expect(young.top_arms[0]?.arm).toMatch(/^sms · card · \d\d:00$/);
    const estimate = young.offline_estimate;
    expect(estimate).not.toBeNull();
    expect(estimate?.plan_self_normalised.rate).toBeGreaterThan(estimate?.historical.upper ?? 1);
    // The truth for a plan of mostly sms: between the two channels' rates, near sms.
    expect(estimate?.plan_self_normalised.lower).toBeLessThan(0.25);
    expect(estimate?.plan_self_normalised.upper).toBeGreaterThan(0.2);

    const lines = fs
      .readFileSync(young.csv, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("customer_id,channel,offer,send_hour,expected_response_rate,exploration");
    expect(lines).toHaveLength(young.planned + 1);
    // K0, K10, … gave no SMS consent: never planned on sms.
    const noSms = lines.filter((l) => /^K\d*0,/.test(l));
    expect(noSms.length).toBeGreaterThan(0);
    for (const line of noSms) expect(line.split(",")[1]).toBe("email");

    const loyal = planSegmentNotifications(scopeTo(db, workspaceId), {
      runId,
      segment: "Loyal",
      weeklyCap: 2,
      explore: 0.1,
      outputDir: path.join(dir, "out"),
    });
    expect(loyal.top_arms[0]?.arm).toMatch(/^email · card/);
  });

  it("says what is missing instead of planning blind", () => {
    db.$client.prepare("DELETE FROM responses").run();
    expect(() =>
      planSegmentNotifications(scopeTo(db, workspaceId), {
        runId,
        segment: "Young",
        weeklyCap: 2,
        explore: 0.1,
        outputDir: dir,
      }),
    ).toThrow(/no responses to learn from/);
    expect(() =>
      planSegmentNotifications(scopeTo(db, workspaceId), {
        runId,
        segment: "Young",
        weeklyCap: 2,
        explore: 1.5,
        outputDir: dir,
      }),
    ).toThrow(/between 0 and 1/);
  });
});

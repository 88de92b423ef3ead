/**
 * Issue 13 from the CLI on the demo workspace (a tenth of the demo's customers, every file
 * imported through the import command as scripts/load-demo-data.sh does): `value train`
 * prints the metrics of the model and of both baselines, and the model beats last period's
 * revenue; `plan-notifications` prints its summary and the CSV's path, and the plan keeps
 * each channel's consent and the weekly contact cap.
 */
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/run";
import {
  cliJson,
  loadDemoWorkspace,
  planCsvSends,
  type ResponsesTruth,
  trueRate,
} from "../../helpers/demo-workspace";
import { setUpTestDb } from "../../helpers/test-db";

const { db, dir } = setUpTestDb();
let truth: ResponsesTruth;
let runId: number;
let loaded: Record<string, number>;

beforeAll(async () => {
  ({ truth, rowsLoaded: loaded } = await loadDemoWorkspace(dir, { slug: "demo", scale: 0.1 }));
  ({ run_id: runId } = await cliJson<{ run_id: number }>([
    "segment",
    "rfm",
    "--workspace",
    "demo",
  ]));
}, 180_000);

interface Metrics {
  mae: number;
  rmse: number;
  r2: number | null;
}

describe("value train on the demo", () => {
  it("prints the metrics of the model and both baselines; the model beats last period", async () => {
    const result = await runCli(["value", "train", "--workspace", "demo"]);
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout ?? "") as {
      ok: boolean;
      horizon_days: number;
      metrics: Record<"model" | "last_period" | "bg_nbd", Metrics>;
      used: string;
      reason: string;
      importance: { feature: string; share: number }[];
    };
    expect(printed).toMatchObject({ ok: true, horizon_days: 90 });
    expect(Object.keys(printed.metrics).sort()).toEqual(["bg_nbd", "last_period", "model"]);
    for (const m of Object.values(printed.metrics)) {
      expect(m.mae).toBeGreaterThan(0);
      expect(m.rmse).toBeGreaterThanOrEqual(m.mae);
      expect(typeof m.r2).toBe("number");
    }
    const { model, last_period } = printed.metrics;
    expect(model.rmse).toBeLessThan(last_period.rmse);
    expect(model.mae).toBeLessThan(last_period.mae);
    expect(["model", "last_period", "bg_nbd"]).toContain(printed.used);
    expect(printed.reason).toMatch(/\w/);
    // The demo's messages reach the model: they are a feature it splits on.
    expect(printed.importance.some((f) => f.feature.startsWith("responses_") && f.share > 0)).toBe(
      true,
    );
  });
});

describe("plan-notifications on the demo", () => {
  /** Consent flags of each customer id of any source. */
  function consentsById(): Map<string, { processing: number; email: number; sms: number }> {
    const rows = db.$client
      .prepare(
        `SELECT cs.external_id, c.consent_data_processing, c.consent_email, c.consent_sms
         FROM customer_sources cs JOIN customers c ON c.id = cs.customer_id`,
      )
      .raw()
      .all() as [string, number | null, number | null, number | null][];
    return new Map(
      rows.map(([id, processing, email, sms]) => [
        id,
        { processing: processing ?? 0, email: email ?? 0, sms: sms ?? 0 },
      ]),
    );
  }

  /** Messages each customer id got in the 7 days up to `asOf` (ISO). */
  function contactsInWeekBefore(asOf: string): Map<string, number> {
    const end = Date.parse(asOf);
    const rows = db.$client
      .prepare(
        `SELECT customer_external_id, count(*) FROM responses
         WHERE sent_at > ? AND sent_at <= ? GROUP BY customer_external_id`,
      )
      .raw()
      .all(end - 7 * 86_400_000, end) as [string, number][];
    return new Map(rows);
  }

  async function plan(cap: number) {
    const result = await runCli([
      "plan-notifications",
      "--workspace",
      "demo",
      "--run",
      String(runId),
      "--segment",
      "Loyal",
      "--cap",
      String(cap),
      "--explore",
      "0.1",
    ]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout ?? "") as {
      segment: string;
      as_of: string;
      response_rows: number;
      segment_members: number;
      planned: number;
      explored: number;
      skipped: { at_weekly_cap: number; no_channel_consent: number; no_offer_left: number };
      top_arms: { arm: string; customers: number }[];
      offline_estimate: Record<
        "historical" | "plan_ips" | "plan_self_normalised",
        { rate: number; lower: number; upper: number }
      > & { held_out_sends: number };
      csv: string;
    };
  }

  it("prints the summary and the CSV's path; the CSV holds the planned sends", async () => {
    const summary = await plan(2);
    expect(summary.segment).toBe("Loyal");
    expect(summary.response_rows).toBe(loaded["responses.csv"]);
    const { planned, skipped } = summary;
    expect(planned).toBeGreaterThan(0);
    expect(
      planned + skipped.at_weekly_cap + skipped.no_channel_consent + skipped.no_offer_left,
    ).toBe(summary.segment_members);
    // About the share of exploration asked for.
    expect(summary.explored / planned).toBeGreaterThan(0.05);
    expect(summary.explored / planned).toBeLessThan(0.15);
    expect(summary.top_arms[0]?.arm).toMatch(/^(email|sms) · \w+ · \d\d:00$/);
    const estimate = summary.offline_estimate;
    expect(estimate.held_out_sends).toBeGreaterThan(0);
    for (const interval of [estimate.historical, estimate.plan_self_normalised])
      expect(interval.lower <= interval.rate && interval.rate <= interval.upper).toBe(true);

    const csv = fs.readFileSync(summary.csv, "utf8");
    const sends = planCsvSends(csv);
    expect(sends).toHaveLength(planned);
    // Every send is an arm the truth knows, at a Turkish send hour: the plan can be scored.
    const rate = trueRate(truth, sends);
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(0.6);
  });

  it("keeps each channel's consent and the weekly contact cap", async () => {
    const consents = consentsById();
    for (const cap of [2, 1]) {
      const summary = await plan(cap);
      const recent = contactsInWeekBefore(summary.as_of);
      const sends = planCsvSends(fs.readFileSync(summary.csv, "utf8"));
      expect(sends.length).toBeGreaterThan(0);
      for (const send of sends) {
        const flags = consents.get(send.customerId);
        expect(flags?.processing, send.customerId).toBe(1);
        expect(flags?.[send.channel as "email" | "sms"], `${send.customerId} ${send.channel}`).toBe(
          1,
        );
        expect(recent.get(send.customerId) ?? 0, send.customerId).toBeLessThan(cap);
      }
      // Someone was at the cap and left out (the cap did something).
      expect(summary.skipped.at_weekly_cap).toBeGreaterThan(0);
      expect(summary.skipped.no_channel_consent).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from "vitest";
import type { JobContext } from "#jobs/registry";
import { RESPONSE_CURVES_JOB } from "~/campaigns/refit-job.server";
import { responseCurvesHandler } from "../../../jobs/handlers/response-curves";
import { writeKnownCampaigns } from "../../helpers/campaign-curves";
import { countOf, rowsOf, setUpIngest } from "../ingest/support";

const { db, dir, workspaceId, importOk } = setUpIngest("refit");

describe("refit after a campaigns import", () => {
  it("queues one refit job per import, and the job stores the curves", async () => {
    await importOk("campaigns", writeKnownCampaigns(dir));
    const jobs = rowsOf<{ kind: string; payload: string }>(db, "jobs", workspaceId).filter(
      (j) => j.kind === RESPONSE_CURVES_JOB,
    );
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]?.payload ?? "")).toEqual({ workspaceId });
    let held = 0;
    const ctx: JobContext = {
      jobId: 1,
      workspaceId,
      attempt: 1,
      maxAttempts: 3,
      signal: new AbortController().signal,
      progress: () => {},
      holdLease: (ms) => {
        held = ms;
      },
    };
    const result = await responseCurvesHandler.execute(
      jobs[0] ? JSON.parse(jobs[0].payload) : {},
      ctx,
    );
    expect(result).toMatchObject({ channels: 2 });
    expect(held).toBe(120_000);
    expect(countOf(db, "analysis_runs", workspaceId)).toBe(1);
    // Importing the same file again changes no row: no second job.
    await importOk("campaigns", writeKnownCampaigns(dir));
    expect(
      rowsOf<{ kind: string }>(db, "jobs", workspaceId).filter(
        (j) => j.kind === RESPONSE_CURVES_JOB,
      ),
    ).toHaveLength(1);
  });
});

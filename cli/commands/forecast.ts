import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import type { PlanGoal } from "~/analytics/budget-plan-report";
import { forecastForChannel, parseBounds, planForWorkspace } from "~/campaigns/forecast.server";
import { refitCurves } from "~/campaigns/response-curves.server";
import { IsoDateSchema } from "~/segments/params";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

const Money = z.coerce.number().finite();

/** Fits in this process and stores them (the same run the refit job writes). */
export const campaignsFit: Command = {
  name: "campaigns fit",
  usage: "--workspace S [--channel C]",
  options: { workspace: { type: "string" }, channel: { type: "string" } },
  run(flags) {
    const args = z.object({ workspace: z.string(), channel: z.string().optional() }).parse(flags);
    const set = refitCurves(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), args.channel);
    // The bootstrap draws are for intervals, not for reading: left out of the print.
    return {
      run_id: set.run_id,
      fitted_at: set.fitted_at,
      channels: set.channels
        .filter((c) => args.channel === undefined || c.channel === args.channel)
        .map(
          ({
            conversions: { draws: _c, ...conversions },
            revenue: { draws: _r, ...revenue },
            ...c
          }) => ({
            ...c,
            conversions,
            revenue,
          }),
        ),
    };
  },
};

export const forecastCommand: Command = {
  name: "forecast",
  usage: "--workspace S --channel C --budget B --from YYYY-MM-DD --to YYYY-MM-DD",
  options: {
    workspace: { type: "string" },
    channel: { type: "string" },
    budget: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
  },
  run(flags) {
    const args = z
      .object({
        workspace: z.string(),
        channel: z.string().min(1),
        budget: Money,
        from: IsoDateSchema,
        to: IsoDateSchema,
      })
      .parse(flags);
    return forecastForChannel(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), args);
  },
};

export const planCommand: Command = {
  name: "plan",
  usage:
    "--workspace S --budget B --from D --to D [--goal conversions|revenue|cpa|roas] [--target X] [--min C=X]... [--max C=Y]... [--lock C]...   (X, Y: money, or 1.5x = times current spend)",
  options: {
    workspace: { type: "string" },
    budget: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    goal: { type: "string" },
    target: { type: "string" },
    min: { type: "string", multiple: true },
    max: { type: "string", multiple: true },
    lock: { type: "string", multiple: true },
  },
  run(flags) {
    const args = z
      .object({
        workspace: z.string(),
        budget: Money,
        from: IsoDateSchema,
        to: IsoDateSchema,
        goal: z.enum(["conversions", "revenue", "cpa", "roas"]).default("conversions"),
        target: z.coerce.number().positive().optional(),
        min: z.array(z.string()).default([]),
        max: z.array(z.string()).default([]),
        lock: z.array(z.string()).default([]),
      })
      .refine((a) => (a.goal === "cpa" || a.goal === "roas" ? a.target !== undefined : true), {
        message: "--goal cpa and --goal roas need --target",
        path: ["target"],
      })
      .parse(flags);
    const goal: PlanGoal =
      args.goal === "cpa"
        ? { kind: "target-cpa", value: args.target as number }
        : args.goal === "roas"
          ? { kind: "target-roas", value: args.target as number }
          : { kind: args.goal };
    return planForWorkspace(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), {
      budget: args.budget,
      from: args.from,
      to: args.to,
      goal,
      min: parseBounds(args.min, "min"),
      max: parseBounds(args.max, "max"),
      locks: args.lock,
    });
  },
};

import path from "node:path";
import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { env } from "~/env.server";
import { nextBestOffersForRun } from "~/notifications/next-best-offers.server";
import { planSegmentNotifications } from "~/notifications/plan-notifications.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

const Args = z.object({
  workspace: z.string(),
  run: z.coerce.number().int().positive(),
  segment: z.string().min(1),
  cap: z.coerce.number().int().min(1).default(2),
  explore: z.coerce.number().min(0).max(1).default(0.1),
  seed: z.coerce.number().int().default(1),
  out: z.string().optional(),
});

export const planNotificationsCommand: Command = {
  name: "plan-notifications",
  usage:
    "--workspace S --run R --segment X [--cap N] [--explore 0.1] [--seed 1] [--out DIR]   (N: contacts per customer per 7 days, default 2)",
  options: {
    workspace: { type: "string" },
    run: { type: "string" },
    segment: { type: "string" },
    cap: { type: "string" },
    explore: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
  },
  run(flags) {
    const args = Args.parse(flags);
    const db = getDb();
    return planSegmentNotifications(scopeTo(db, workspaceIdBySlug(args.workspace)), {
      runId: args.run,
      segment: args.segment,
      weeklyCap: args.cap,
      explore: args.explore,
      seed: args.seed,
      outputDir: args.out ?? path.join(env().DATA_DIR, "exports"),
    });
  },
};

const OfferArgs = z.object({
  workspace: z.string(),
  run: z.coerce.number().int().positive(),
  customer: z.string().optional(),
  horizon: z.coerce.number().int().min(1).max(365).default(30),
  limit: z.coerce.number().int().min(1).max(20).default(3),
  customers: z.coerce.number().int().min(1).default(20),
});

export const nextBestOffersCommand: Command = {
  name: "next-best-offers",
  usage:
    "--workspace S --run R [--customer ID] [--horizon 30] [--limit 3] [--customers 20]   (ID: the customer's own id)",
  options: {
    workspace: { type: "string" },
    run: { type: "string" },
    customer: { type: "string" },
    horizon: { type: "string" },
    limit: { type: "string" },
    customers: { type: "string" },
  },
  run(flags) {
    const args = OfferArgs.parse(flags);
    return nextBestOffersForRun(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), {
      runId: args.run,
      customer: args.customer,
      horizonDays: args.horizon,
      limit: args.limit,
      customers: args.customers,
    });
  },
};

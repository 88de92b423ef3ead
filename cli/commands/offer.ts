import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { offerCostForWorkspace } from "~/offers/offer-cost.server";
import { OfferFlagsSchema } from "~/offers/offer-cost-form";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

export const offerCostCommand: Command = {
  name: "offer-cost",
  usage:
    "--workspace S --product P --cost-per-month X --months N --uplift U [--from-day A --to-day B] [--new-per-month K] [--paid-for every-new-client|activated-clients]   (P: a product code, name or category; U: 0.2 = +20 %)",
  options: {
    workspace: { type: "string" },
    product: { type: "string" },
    "cost-per-month": { type: "string" },
    months: { type: "string" },
    uplift: { type: "string" },
    "from-day": { type: "string" },
    "to-day": { type: "string" },
    "new-per-month": { type: "string" },
    "paid-for": { type: "string" },
  },
  run(flags) {
    const { workspace, ...rest } = flags;
    if (typeof workspace !== "string") throw new Error("--workspace is required");
    const request = OfferFlagsSchema.parse(rest);
    return offerCostForWorkspace(scopeTo(getDb(), workspaceIdBySlug(workspace)), request);
  },
};

import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { RoiFilters } from "~/campaigns/roi-params";
import { roiJson, roiReport } from "~/campaigns/roi-report.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

export const campaignsRoi: Command = {
  name: "campaigns roi",
  usage: "--workspace S [--from YYYY-MM-DD --to YYYY-MM-DD] [--by channel|campaign|product|month]",
  options: {
    workspace: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    by: { type: "string" },
  },
  run(flags) {
    const { workspace, ...rest } = flags;
    if (typeof workspace !== "string") throw new Error("--workspace is required");
    const filters = RoiFilters.parse(rest);
    const scope = scopeTo(getDb(), workspaceIdBySlug(workspace));
    return roiJson(roiReport(scope, { from: filters.from, to: filters.to }, filters.by));
  },
};

import { z } from "zod";
import { getDb, scopeTo } from "~/db.server";
import { findUserByEmail } from "~/users.server";
import {
  createWorkspace,
  listAllWorkspaces,
  ProcessingBasisSchema,
  setProcessingBasis,
} from "~/workspace.server";
import { updateWorkspaceSettings } from "~/workspace-settings.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

export const workspaceCreate: Command = {
  name: "workspace create",
  usage: "--slug S --name N --owner E",
  options: { slug: { type: "string" }, name: { type: "string" }, owner: { type: "string" } },
  run(flags) {
    const args = z.object({ slug: z.string(), name: z.string(), owner: z.string() }).parse(flags);
    const owner = findUserByEmail(args.owner);
    if (!owner) throw new Error(`No user with e-mail ${args.owner}; create it with "user create"`);
    const workspace = createWorkspace({ slug: args.slug, name: args.name }, owner);
    return {
      workspace: {
        id: workspace.id,
        slug: workspace.slug,
        name: workspace.name,
        owner: owner.email,
      },
    };
  },
};

export const workspaceList: Command = {
  name: "workspace list",
  usage: "",
  options: {},
  run: () => ({ workspaces: listAllWorkspaces() }),
};

/**
 * Settings of a workspace: the legal basis for analytics (who is analysed), its name, time
 * zone and reporting currency ("" = the currency of its sales). Each flag is optional.
 */
export const workspaceSet: Command = {
  name: "workspace set",
  usage:
    "--workspace S [--processing-basis consent|legitimate-interest|contract] [--name N] [--time-zone Europe/Istanbul] [--currency TRY|'']",
  options: {
    workspace: { type: "string" },
    "processing-basis": { type: "string" },
    name: { type: "string" },
    "time-zone": { type: "string" },
    currency: { type: "string" },
  },
  run(flags) {
    const args = z
      .object({
        workspace: z.string(),
        "processing-basis": ProcessingBasisSchema.optional(),
        name: z.string().optional(),
        "time-zone": z.string().optional(),
        currency: z.string().optional(),
      })
      .parse(flags);
    const workspaceId = workspaceIdBySlug(args.workspace);
    // The CLI is the operator's tool: the audit entries have no user as their actor.
    let workspace = updateWorkspaceSettings(scopeTo(getDb(), workspaceId), null, {
      name: args.name,
      timeZone: args["time-zone"],
      reportingCurrency: args.currency,
    });
    if (args["processing-basis"])
      workspace = setProcessingBasis(scopeTo(getDb(), workspaceId), args["processing-basis"], null);
    return {
      workspace: {
        id: workspace.id,
        slug: workspace.slug,
        name: workspace.name,
        time_zone: workspace.timeZone,
        reporting_currency: workspace.reportingCurrency,
        processing_basis: workspace.processingBasis,
      },
    };
  },
};

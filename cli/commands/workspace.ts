import { z } from "zod";
import { findUserByEmail } from "~/users.server";
import {
  createWorkspace,
  listAllWorkspaces,
  ProcessingBasisSchema,
  setProcessingBasis,
} from "~/workspace.server";
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

/** Settings of a workspace; today the legal basis for analytics (who is analysed). */
export const workspaceSet: Command = {
  name: "workspace set",
  usage: "--workspace S --processing-basis consent|legitimate-interest|contract",
  options: { workspace: { type: "string" }, "processing-basis": { type: "string" } },
  run(flags) {
    const args = z
      .object({ workspace: z.string(), "processing-basis": ProcessingBasisSchema })
      .parse(flags);
    // The CLI is the operator's tool: the audit entry has no user as its actor.
    const workspace = setProcessingBasis(
      workspaceIdBySlug(args.workspace),
      args["processing-basis"],
      null,
    );
    return {
      workspace: {
        id: workspace.id,
        slug: workspace.slug,
        name: workspace.name,
        time_zone: workspace.timeZone,
        processing_basis: workspace.processingBasis,
      },
    };
  },
};

import { z } from "zod";
import { findUserByEmail } from "~/users.server";
import { createWorkspace, listAllWorkspaces } from "~/workspace.server";
import type { Command } from "../command";

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

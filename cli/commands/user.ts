import fs from "node:fs";
import { z } from "zod";
import { createUser } from "~/users.server";
import type { Command } from "../command";

export const userCreate: Command = {
  name: "user create",
  usage: "--email E --password-file F [--name N]",
  options: {
    email: { type: "string" },
    "password-file": { type: "string" },
    name: { type: "string" },
  },
  async run(flags) {
    const args = z
      .object({ email: z.string(), "password-file": z.string(), name: z.string().optional() })
      .parse(flags);
    // A file, not an argument, so the password never shows in `ps` or shell history.
    const password = fs.readFileSync(args["password-file"], "utf8").replace(/\r?\n$/, "");
    const user = await createUser({
      email: args.email,
      password,
      name: args.name ?? args.email.split("@")[0] ?? args.email,
    });
    return { user };
  },
};

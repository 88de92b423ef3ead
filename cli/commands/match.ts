import { z } from "zod";
import { getDb } from "#db/client";
import { scopeTo } from "#db/scoped";
import { channelMatchText } from "~/components/segments/channel-reasons";
import { englishT } from "~/i18n/english";
import { matchChannels } from "~/segments/match-channels.server";
import { matchProducts } from "~/segments/match-products.server";
import type { Command } from "../command";
import { workspaceIdBySlug } from "./customer";

const RunArgs = z.object({ workspace: z.string(), run: z.coerce.number().int().positive() });

export const matchChannelsCommand: Command = {
  name: "match channels",
  usage: "--workspace S --run R",
  options: { workspace: { type: "string" }, run: { type: "string" } },
  run(flags) {
    const args = RunArgs.parse(flags);
    const match = matchChannels(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), args.run);
    // Reasons and diagnosis in English with labelled names and formatted numbers (the
    // campaign costs without a currency: the CLI does not look up the reporting currency).
    const words = (text: string) => channelMatchText(englishT, text, null);
    return {
      ...match,
      diagnosis: { ...match.diagnosis, messages: match.diagnosis.messages.map(words) },
      segments: match.segments.map((s) => ({
        ...s,
        notes: s.notes.map(words),
        channels: s.channels.map((c) => ({ ...c, reasons: c.reasons.map(words) })),
      })),
    };
  },
};

export const matchProductsCommand: Command = {
  name: "match products",
  usage:
    "--workspace S --run R [--limit N]   (N: customers listed with next-best products, default 20)",
  options: { workspace: { type: "string" }, run: { type: "string" }, limit: { type: "string" } },
  run(flags) {
    const args = RunArgs.extend({ limit: z.coerce.number().int().min(0).default(20) }).parse(flags);
    return matchProducts(scopeTo(getDb(), workspaceIdBySlug(args.workspace)), args.run, {
      nextBestLimit: args.limit,
    });
  },
};

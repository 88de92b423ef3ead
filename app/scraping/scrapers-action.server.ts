/**
 * What the Scrapers page's forms do: create a source, test one without saving, run now,
 * pause, resume and delete. The route checks the editor role before calling this.
 */

import { z } from "zod";
import { audit } from "~/audit.server";
import { message } from "~/i18n/message-code";
import { checkSourceTestAllowed } from "~/rate-limit.server";
import type { WorkspaceAccess } from "~/workspace.server";
import { configFromForm } from "./adapter-fields";
import { pauseSource, resumeSource, runSourceNow } from "./source-control.server";
import { createSource, deleteSource, getSource, SourceInputError } from "./sources.server";
import { type TestResult, testSource } from "./test-source.server";

export type ScrapersActionResult =
  | { intent: "create"; ok: false; errors: Record<string, string>; values: Record<string, string> }
  | { intent: "test"; test: TestResult; values: Record<string, string> }
  | { intent: "source"; ok: boolean; message: string };

const SourceAction = z.object({
  intent: z.enum(["run", "pause", "resume", "delete"]),
  id: z.coerce.number().int().positive(),
});

/** The posted text fields, to fill the form again after an error. */
function postedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value;
  return values;
}

export async function scrapersAction(
  access: WorkspaceAccess,
  form: FormData,
): Promise<ScrapersActionResult | { redirect: true }> {
  const intent = String(form.get("intent") ?? "");
  const adapter = String(form.get("adapter") ?? "");
  if (intent === "test") {
    const throttle = await checkSourceTestAllowed(access.user.id);
    if (!throttle.allowed) {
      const error = message("messages:sources.tooManyTests", {
        seconds: throttle.retryAfterSeconds,
      });
      return { intent: "test", test: { ok: false, error }, values: postedValues(form) };
    }
    const test = await testSource(adapter, configFromForm(adapter, form));
    return { intent: "test", test, values: postedValues(form) };
  }
  if (intent === "create") {
    try {
      const source = createSource(access.scope, {
        name: String(form.get("name") ?? ""),
        adapter,
        schedule: String(form.get("schedule") ?? ""),
        config: configFromForm(adapter, form),
      });
      audit({
        workspaceId: access.workspace.id,
        actorUserId: access.user.id,
        action: "source.created",
        target: `source:${source.id}`,
        details: { adapter: source.adapter, schedule: source.schedule },
      });
      return { redirect: true };
    } catch (error) {
      if (!(error instanceof SourceInputError)) throw error;
      return { intent: "create", ok: false, errors: error.errors, values: postedValues(form) };
    }
  }
  const parsed = SourceAction.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { intent: "source", ok: false, message: message("messages:scrapers.unknownAction") };
  const { id } = parsed.data;
  const source = getSource(access.scope, id);
  if (!source) throw new Response("Not found", { status: 404 });
  switch (parsed.data.intent) {
    case "run":
      runSourceNow(access.scope, id);
      return {
        intent: "source",
        ok: true,
        message: message("messages:scrapers.runSoon", { name: source.name }),
      };
    case "pause":
      pauseSource(access.scope, id);
      return {
        intent: "source",
        ok: true,
        message: message("messages:scrapers.paused", { name: source.name }),
      };
    case "resume":
      resumeSource(access.scope, id);
      return {
        intent: "source",
        ok: true,
        message: message("messages:scrapers.resumed", { name: source.name }),
      };
    case "delete":
      deleteSource(access.scope, id);
      audit({
        workspaceId: access.workspace.id,
        actorUserId: access.user.id,
        action: "source.deleted",
        target: `source:${id}`,
      });
      return {
        intent: "source",
        ok: true,
        message: message("messages:scrapers.deleted", { name: source.name }),
      };
  }
}

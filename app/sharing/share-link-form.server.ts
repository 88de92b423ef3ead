/**
 * The forms of the share pages (a report's Share page and the workspace's Share links page):
 * create a link, or pause / resume / revoke / rotate one. Editors and owners only; the caller
 * has resolved the workspace with requireWorkspace(…, "editor"). A new token comes back once,
 * as the full URL, for the page to show with a copy button; it is stored nowhere.
 */
import { z } from "zod";
import { parseForm } from "~/forms.server";
import { message } from "~/i18n/message";
import type { Report } from "~/reports/reports.server";
import type { WorkspaceAccess } from "~/workspace.server";
import { notFound } from "~/workspace.server";
import { changeShareLink, findShareLink, SHARE_LINK_CHANGES } from "./manage-share-link.server";
import {
  createShareLink,
  ShareLinkError,
  ShareLinkInputSchema,
  sharePath,
} from "./share-links.server";

export type ShareFormResult = {
  errors: Record<string, string | undefined>;
  notice: string | null;
  /** The full link, shown once after creating or rotating. */
  url: string | null;
};

const ChangeSchema = z.object({
  intent: z.enum(SHARE_LINK_CHANGES, { message: message("sharing:errors.chooseChange") }),
  id: z.coerce.number().int(),
});

const NOTICES: Record<(typeof SHARE_LINK_CHANGES)[number], string> = {
  pause: message("sharing:notices.pause"),
  resume: message("sharing:notices.resume"),
  revoke: message("sharing:notices.revoke"),
  rotate: message("sharing:notices.rotate"),
};

const fail = (errors: Record<string, string | undefined>): ShareFormResult => ({
  errors,
  notice: null,
  url: null,
});

export async function handleShareForm(
  access: WorkspaceAccess,
  request: Request,
  form: FormData,
  /** The report whose page this is; changes to links of other reports are refused (404). */
  report?: Report,
): Promise<ShareFormResult> {
  const origin = new URL(request.url).origin;
  const { scope, user } = access;
  try {
    if (form.get("intent") === "create") {
      if (!report) throw notFound();
      const parsed = parseForm(form, ShareLinkInputSchema);
      if (!parsed.ok) return fail(parsed.errors);
      const { token } = await createShareLink(scope, user.id, report.id, parsed.data);
      return {
        errors: {},
        notice: message("sharing:notices.created"),
        url: `${origin}${sharePath(token)}`,
      };
    }
    const parsed = parseForm(form, ChangeSchema);
    if (!parsed.ok) return fail(parsed.errors);
    const link = findShareLink(scope, parsed.data.id);
    if (!link || (report && link.reportId !== report.id)) throw notFound();
    const { token } = changeShareLink(scope, user.id, link.id, parsed.data.intent);
    return {
      errors: {},
      notice: NOTICES[parsed.data.intent],
      url: token ? `${origin}${sharePath(token)}` : null,
    };
  } catch (error) {
    if (error instanceof ShareLinkError) return fail({ form: error.message });
    throw error;
  }
}

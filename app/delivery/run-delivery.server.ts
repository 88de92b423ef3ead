/**
 * One run of a delivery (the report-delivery job, "Send now", the CLI): builds the report as
 * it is now, makes the e-mail with a fresh link and the CSV, sends it and records the outcome
 * on the delivery (last_sent_at, last_error). next_run_at is moved by the scheduler when it
 * enqueues the run (jobs/delivery-schedule.ts), not here, so a retried run cannot move it.
 *
 * Failures: an SMTP 5xx rejection is permanent (recorded, job dead at once, no retry loop);
 * a connection problem or 4xx is recorded and rethrown, so the queue retries with backoff up
 * to the job's attempts. Runs are at-least-once like every job: a worker that dies after the
 * server accepted the mail but before the outcome was written sends it again on retry.
 */
import { eq } from "drizzle-orm";
import type { WorkspaceScope } from "#db/scoped";
import { PermanentJobError } from "#jobs/errors";
import { schema } from "~/db.server";
import { message as messageCode } from "~/i18n/message-code";
import { reportKinds } from "~/reports/kinds.server";
import { reportKindLabels } from "~/reports/report-kinds";
import { loadReportView, reportTables } from "~/reports/report-view.server";
import { findReport } from "~/reports/reports.server";
import { sharePath } from "~/sharing/share-links.server";
import { type Delivery, findDelivery } from "./deliveries.server";
import {
  adoptDeliveryLink,
  findDeliveryLink,
  issueDeliveryLink,
  LINK_DAYS,
  linkOffReason,
  removeDeliveryLink,
} from "./delivery-link.server";
import { buildDeliveryMail, type DeliveryMailInput } from "./delivery-mail";
import {
  isPermanentSmtpError,
  type MailSettings,
  mailSettings,
  type SendMail,
  SMTP_NOT_CONFIGURED,
  sendOverSmtp,
} from "./mail-transport.server";

export type DeliveryTrigger = "schedule" | "manual" | "cli";

export interface RunDeliveryOptions {
  trigger: DeliveryTrigger;
  now?: Date;
  mail?: MailSettings;
  send?: SendMail;
}

export type RunDeliveryResult =
  | { status: "skipped"; reason: string }
  | { status: "sent"; accepted: string[]; rejected: string[]; link: boolean; attachments: number };

function record(scope: WorkspaceScope, id: number, changes: Partial<Delivery>): void {
  scope.update(schema.reportDeliveries, changes, eq(schema.reportDeliveries.id, id));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runDelivery(
  scope: WorkspaceScope,
  deliveryId: number,
  options: RunDeliveryOptions,
): Promise<RunDeliveryResult> {
  const now = options.now ?? new Date();
  const delivery = findDelivery(scope, deliveryId);
  if (!delivery) return { status: "skipped", reason: "the delivery was deleted" };
  if (delivery.pausedAt && options.trigger === "schedule")
    return { status: "skipped", reason: "the delivery is paused" };
  const mail = options.mail ?? mailSettings();
  if (!mail.smtpUrl) {
    record(scope, delivery.id, { lastError: messageCode("messages:delivery.smtpNotConfigured") });
    return { status: "skipped", reason: SMTP_NOT_CONFIGURED };
  }
  const report = findReport(scope, delivery.reportId);
  const view = report ? loadReportView(scope, report, { now }) : null;
  if (!report || !view) {
    record(scope, delivery.id, { lastError: messageCode("messages:delivery.reportGone") });
    throw new PermanentJobError("The report can no longer be built (its kind is unknown)");
  }
  const workspace = scope.db
    .select({ name: schema.workspaces.name })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, scope.workspaceId))
    .get();

  const current = delivery.shareLinkId ? findDeliveryLink(scope, delivery.shareLinkId) : undefined;
  let offReason = linkOffReason(current);
  const issuer = delivery.createdBy ?? current?.createdBy ?? null;
  if (!offReason && issuer === null) offReason = "the account that set up the delivery was removed";
  const fresh =
    offReason || issuer === null
      ? null
      : await issueDeliveryLink(scope, issuer, report.id, delivery.cadence, now);

  const range = reportKinds[view.kind].dateRange;
  const from = range ? view.params[range.from] : undefined;
  const to = range ? view.params[range.to] : undefined;
  const input: DeliveryMailInput = {
    workspaceName: workspace?.name ?? "",
    title: view.title,
    note: view.note,
    kindLabel: reportKindLabels[view.kind],
    takenAt: view.takenAt,
    period: from || to ? `${from ?? "…"} to ${to ?? "…"}` : null,
    tables: reportTables(view),
    link: fresh
      ? {
          url: `${mail.publicUrl.replace(/\/+$/, "")}${sharePath(fresh.token)}`,
          days: LINK_DAYS[delivery.cadence],
        }
      : { unavailable: offReason ?? "no link" },
    attachCsv: delivery.attachCsv,
  };
  const message = buildDeliveryMail(input);

  let outcome: Awaited<ReturnType<SendMail>>;
  try {
    outcome = await (options.send ?? sendOverSmtp)(mail.smtpUrl, {
      ...message,
      from: mail.from,
      to: delivery.recipients,
    });
  } catch (error) {
    // The new link was never delivered: drop it, the previous e-mail's link stays valid.
    if (fresh) removeDeliveryLink(scope, fresh.link.id);
    const permanent = isPermanentSmtpError(error);
    record(scope, delivery.id, {
      // Stored as a code with the server's own words, read in the page's language.
      lastError: messageCode(
        permanent ? "messages:delivery.rejected" : "messages:delivery.couldNotSend",
        { detail: errorText(error) },
      ),
    });
    if (permanent) throw new PermanentJobError(errorText(error));
    throw error;
  }
  if (fresh) adoptDeliveryLink(scope, delivery.id, delivery.shareLinkId, fresh.link.id);
  record(scope, delivery.id, {
    lastSentAt: now,
    lastError:
      outcome.rejected.length > 0
        ? messageCode("messages:delivery.rejected", { detail: outcome.rejected.join(", ") })
        : null,
  });
  return {
    status: "sent",
    accepted: outcome.accepted,
    rejected: outcome.rejected,
    link: Boolean(fresh),
    attachments: message.attachments.length,
  };
}

import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "#db/client";
import { enqueueDeliveryNow } from "#jobs/delivery-schedule";
import { Field } from "~/components/Field";
import { cadenceMessage, WEEKDAYS } from "~/delivery/cadence";
import {
  createDelivery,
  DeliveryError,
  DeliveryInputSchema,
  deleteDelivery,
  findDelivery,
  listDeliveries,
  pauseDelivery,
  relinkDelivery,
  resumeDelivery,
  updateDelivery,
} from "~/delivery/deliveries.server";
import { findDeliveryLink, linkOffReason } from "~/delivery/delivery-link.server";
import { mailSettings } from "~/delivery/mail-transport.server";
import { parseForm } from "~/forms.server";
import { findReport } from "~/reports/reports.server";
import { notFound, requireWorkspace, roleAllows, type WorkspaceAccess } from "~/workspace.server";

function reportOf(access: WorkspaceAccess, id: string | undefined) {
  const reportId = Number(id);
  const report = Number.isInteger(reportId) ? findReport(access.scope, reportId) : undefined;
  if (!report) throw notFound();
  return report;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const report = reportOf(access, params.report);
  const timeZone = access.workspace.timeZone;
  const deliveries = listDeliveries(access.scope, report.id).map((d) => ({
    id: d.id,
    cadence: d.cadence,
    inWords: cadenceMessage(d.cron, timeZone),
    recipients: d.recipients,
    attachCsv: d.attachCsv,
    paused: d.pausedAt !== null,
    nextRunAt: d.nextRunAt?.toISOString() ?? null,
    lastSentAt: d.lastSentAt?.toISOString() ?? null,
    lastError: d.lastError,
    linkOff: linkOffReason(
      d.shareLinkId ? findDeliveryLink(access.scope, d.shareLinkId) : undefined,
    ),
  }));
  return {
    report: { id: report.id, title: report.title },
    deliveries,
    timeZone,
    smtpConfigured: Boolean(mailSettings().smtpUrl),
    canManage: roleAllows(access.role, "editor"),
  };
}

const IdIntent = z.object({
  intent: z.enum(["pause", "resume", "delete", "send-now", "relink"]),
  id: z.coerce.number().int(),
});

type ActionResult = { errors: Record<string, string | undefined>; notice: string | null };

const failed = (errors: Record<string, string | undefined>, status = 400) =>
  data<ActionResult>({ errors, notice: null }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const report = reportOf(access, params.report);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const { scope, user } = access;
  try {
    if (intent === "create" || intent === "update") {
      if (!mailSettings().smtpUrl)
        return failed({ form: "E-mail is not configured: set SMTP_URL on the server." });
      const parsed = parseForm(form, DeliveryInputSchema);
      if (!parsed.ok) return failed(parsed.errors);
      if (intent === "create") {
        await createDelivery(scope, user.id, report.id, parsed.data);
        return { errors: {}, notice: "Delivery scheduled." } satisfies ActionResult;
      }
      const id = Number(form.get("id"));
      if (!findDelivery(scope, id, report.id)) throw notFound();
      updateDelivery(scope, user.id, id, parsed.data);
      return { errors: {}, notice: "Delivery changed." } satisfies ActionResult;
    }
    const parsed = parseForm(form, IdIntent);
    if (!parsed.ok) return failed(parsed.errors);
    const { id } = parsed.data;
    if (!findDelivery(scope, id, report.id)) throw notFound();
    switch (parsed.data.intent) {
      case "pause":
        pauseDelivery(scope, user.id, id);
        return { errors: {}, notice: "Delivery paused." } satisfies ActionResult;
      case "resume":
        resumeDelivery(scope, user.id, id);
        return { errors: {}, notice: "Delivery resumed." } satisfies ActionResult;
      case "delete":
        deleteDelivery(scope, user.id, id);
        return { errors: {}, notice: "Delivery deleted." } satisfies ActionResult;
      case "relink":
        await relinkDelivery(scope, user.id, id);
        return {
          errors: {},
          notice: "The next e-mail carries a link again.",
        } satisfies ActionResult;
      case "send-now":
        if (!mailSettings().smtpUrl)
          return failed({ form: "E-mail is not configured: set SMTP_URL on the server." });
        enqueueDeliveryNow(getDb(), scope.workspaceId, id);
        return {
          errors: {},
          notice: "Sending now: the e-mail goes out within a minute.",
        } satisfies ActionResult;
    }
  } catch (error) {
    if (error instanceof DeliveryError) return failed({ form: error.message });
    throw error;
  }
}

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "—");

function CadenceFields({ disabled }: { disabled: boolean }) {
  return (
    <fieldset disabled={disabled} className="row">
      <label>
        How often
        <select name="cadence" defaultValue="weekly">
          <option value="weekly">weekly</option>
          <option value="monthly">monthly</option>
        </select>
      </label>
      <label>
        Day of the week (weekly)
        <select name="weekday" defaultValue="1">
          {WEEKDAYS.map((day, i) => (
            <option key={day} value={i}>
              {day}
            </option>
          ))}
        </select>
      </label>
      <Field
        label="Day of the month, 1–28 (monthly)"
        name="day"
        type="number"
        min={1}
        max={28}
        defaultValue={1}
      />
      <Field
        label="Hour (0–23)"
        name="hour"
        type="number"
        min={0}
        max={23}
        defaultValue={9}
        required
      />
    </fieldset>
  );
}

export default function ReportDelivery() {
  const { report, deliveries, timeZone, smtpConfigured, canManage } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const formDisabled = !smtpConfigured || !canManage;
  return (
    <>
      <h1>E-mail “{report.title}”</h1>
      {!smtpConfigured ? (
        <p className="notice" role="status">
          E-mail is not configured on this server. An operator sets <code>SMTP_URL</code> (for
          example <code>smtp://user:password@mail.example.com:587</code>), <code>MAIL_FROM</code>{" "}
          and <code>PUBLIC_URL</code>, then restarts the app and the worker.
        </p>
      ) : null}
      {result?.notice ? (
        <p className="notice" role="status">
          {result.notice}
        </p>
      ) : null}
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <h2>Scheduled deliveries</h2>
      {deliveries.length === 0 ? (
        <p className="muted">This report is not e-mailed yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>When</th>
              <th>To</th>
              <th>Next</th>
              <th>Last sent</th>
              <th>Problem</th>
              {canManage ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.inWords}
                  {d.attachCsv ? " · CSV attached" : ""}
                  {d.paused ? <span className="badge">paused</span> : null}
                </td>
                <td>{d.recipients.join(", ")}</td>
                <td>{d.paused ? "paused" : when(d.nextRunAt)}</td>
                <td>{when(d.lastSentAt)}</td>
                <td>
                  {d.lastError ?? ""}
                  {d.linkOff ? ` E-mails carry no link: ${d.linkOff}.` : ""}
                </td>
                {canManage ? (
                  <td>
                    <Form method="post" className="row">
                      <input type="hidden" name="id" value={d.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="send-now"
                        className="secondary"
                        disabled={!smtpConfigured}
                      >
                        Send now
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value={d.paused ? "resume" : "pause"}
                        className="secondary"
                      >
                        {d.paused ? "Resume" : "Pause"}
                      </button>
                      {d.linkOff ? (
                        <button type="submit" name="intent" value="relink" className="secondary">
                          Turn the link back on
                        </button>
                      ) : null}
                      <button type="submit" name="intent" value="delete" className="link">
                        Delete
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <>
          <h2>E-mail this report on a schedule</h2>
          <p className="muted small">
            Times are in the workspace's time zone ({timeZone}). Each e-mail carries a fresh
            read-only link (the previous one stops working) and, if you choose, the CSV.
          </p>
          <Form method="post" className="card">
            <input type="hidden" name="intent" value="create" />
            <CadenceFields disabled={formDisabled} />
            <fieldset disabled={formDisabled}>
              <label>
                Recipients (up to 20, one per line or separated by commas)
                <textarea
                  name="recipients"
                  rows={3}
                  required
                  aria-invalid={errors.recipients ? true : undefined}
                  aria-describedby={errors.recipients ? "recipients-error" : undefined}
                />
                {errors.recipients ? (
                  <span className="field-error" id="recipients-error">
                    {errors.recipients}
                  </span>
                ) : null}
              </label>
              {["cadence", "weekday", "day", "hour"].map((key) =>
                errors[key] ? (
                  <p key={key} className="field-error">
                    {errors[key]}
                  </p>
                ) : null,
              )}
              <label>
                <input type="checkbox" name="attachCsv" defaultChecked /> Attach the CSV
              </label>
              <button type="submit">Schedule</button>
            </fieldset>
          </Form>
        </>
      ) : null}
    </>
  );
}

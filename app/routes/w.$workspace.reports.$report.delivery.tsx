import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
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
import { message, useMessage } from "~/i18n/message";
import { reportOf } from "~/reports/report-page.server";
import { notFound, requireWorkspace, roleAllows } from "~/workspace.server";

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
        return {
          errors: {},
          notice: message("reports:notices.deliveryScheduled"),
        } satisfies ActionResult;
      }
      const id = Number(form.get("id"));
      if (!findDelivery(scope, id, report.id)) throw notFound();
      updateDelivery(scope, user.id, id, parsed.data);
      return {
        errors: {},
        notice: message("reports:notices.deliveryChanged"),
      } satisfies ActionResult;
    }
    const parsed = parseForm(form, IdIntent);
    if (!parsed.ok) return failed(parsed.errors);
    const { id } = parsed.data;
    if (!findDelivery(scope, id, report.id)) throw notFound();
    switch (parsed.data.intent) {
      case "pause":
        pauseDelivery(scope, user.id, id);
        return {
          errors: {},
          notice: message("reports:notices.deliveryPaused"),
        } satisfies ActionResult;
      case "resume":
        resumeDelivery(scope, user.id, id);
        return {
          errors: {},
          notice: message("reports:notices.deliveryResumed"),
        } satisfies ActionResult;
      case "delete":
        deleteDelivery(scope, user.id, id);
        return {
          errors: {},
          notice: message("reports:notices.deliveryDeleted"),
        } satisfies ActionResult;
      case "relink":
        await relinkDelivery(scope, user.id, id);
        return {
          errors: {},
          notice: message("reports:notices.relinked"),
        } satisfies ActionResult;
      case "send-now":
        if (!mailSettings().smtpUrl)
          return failed({ form: "E-mail is not configured: set SMTP_URL on the server." });
        enqueueDeliveryNow(getDb(), scope.workspaceId, id);
        return {
          errors: {},
          notice: message("reports:notices.sendingNow"),
        } satisfies ActionResult;
    }
  } catch (error) {
    if (error instanceof DeliveryError) return failed({ form: error.message });
    throw error;
  }
}

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "—");

function CadenceFields({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation("reports");
  return (
    <fieldset disabled={disabled} className="row">
      <label>
        {t("delivery.howOften")}
        <select name="cadence" defaultValue="weekly">
          <option value="weekly">{t("delivery.weekly")}</option>
          <option value="monthly">{t("delivery.monthly")}</option>
        </select>
      </label>
      <label>
        {t("delivery.weekday")}
        <select name="weekday" defaultValue="1">
          {WEEKDAYS.map((day, i) => (
            <option key={day} value={i}>
              {t(`delivery.weekdays.${i}`)}
            </option>
          ))}
        </select>
      </label>
      <Field label={t("delivery.day")} name="day" type="number" min={1} max={28} defaultValue={1} />
      <Field
        label={t("delivery.hour")}
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
  const { t } = useTranslation("reports");
  const translate = useMessage();
  return (
    <>
      <h1>{t("delivery.title", { title: report.title })}</h1>
      {!smtpConfigured ? (
        <p className="notice" role="status">
          <Trans t={t} i18nKey="delivery.notConfigured" components={{ code: <code /> }} />
        </p>
      ) : null}
      {result?.notice ? (
        <p className="notice" role="status">
          {translate(result.notice)}
        </p>
      ) : null}
      {errors.form ? (
        <p className="form-error" role="alert">
          {translate(errors.form)}
        </p>
      ) : null}
      <h2>{t("delivery.scheduled")}</h2>
      {deliveries.length === 0 ? (
        <p className="muted">{t("delivery.none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t("delivery.when")}</th>
              <th>{t("delivery.to")}</th>
              <th>{t("delivery.next")}</th>
              <th>{t("delivery.lastSent")}</th>
              <th>{t("delivery.problem")}</th>
              {canManage ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  {translate(d.inWords)}
                  {d.attachCsv ? t("delivery.csvAttached") : ""}
                  {d.paused ? <span className="badge">{t("delivery.paused")}</span> : null}
                </td>
                <td>{d.recipients.join(", ")}</td>
                <td>{d.paused ? t("delivery.paused") : when(d.nextRunAt)}</td>
                <td>{when(d.lastSentAt)}</td>
                <td>
                  {translate(d.lastError)}
                  {d.linkOff ? t("delivery.noLink", { reason: d.linkOff }) : ""}
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
                        {t("delivery.sendNow")}
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value={d.paused ? "resume" : "pause"}
                        className="secondary"
                      >
                        {d.paused ? t("delivery.resume") : t("delivery.pause")}
                      </button>
                      {d.linkOff ? (
                        <button type="submit" name="intent" value="relink" className="secondary">
                          {t("delivery.relink")}
                        </button>
                      ) : null}
                      <button type="submit" name="intent" value="delete" className="link">
                        {t("delivery.delete")}
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
          <h2>{t("delivery.scheduleTitle")}</h2>
          <p className="muted small">{t("delivery.timesNote", { timeZone })}</p>
          <Form method="post" className="card">
            <input type="hidden" name="intent" value="create" />
            <CadenceFields disabled={formDisabled} />
            <fieldset disabled={formDisabled}>
              <label>
                {t("delivery.recipients")}
                <textarea
                  name="recipients"
                  rows={3}
                  required
                  aria-invalid={errors.recipients ? true : undefined}
                  aria-describedby={errors.recipients ? "recipients-error" : undefined}
                />
                {errors.recipients ? (
                  <span className="field-error" id="recipients-error">
                    {translate(errors.recipients)}
                  </span>
                ) : null}
              </label>
              {["cadence", "weekday", "day", "hour"].map((key) =>
                errors[key] ? (
                  <p key={key} className="field-error">
                    {translate(errors[key])}
                  </p>
                ) : null,
              )}
              <label>
                <input type="checkbox" name="attachCsv" defaultChecked /> {t("delivery.attachCsv")}
              </label>
              <button type="submit">{t("delivery.schedule")}</button>
            </fieldset>
          </Form>
        </>
      ) : null}
    </>
  );
}

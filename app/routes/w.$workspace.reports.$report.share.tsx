import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/Field";
import { CopyLink } from "~/components/sharing/CopyLink";
import { ShareLinksTable } from "~/components/sharing/ShareLinksTable";
import { useMessage } from "~/i18n/message";
import { passwordRules } from "~/password.server";
import { reportKinds } from "~/reports/kinds.server";
import { reportOf } from "~/reports/report-page.server";
import { reportKindOf } from "~/reports/reports.server";
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from "~/sharing/expiry";
import { listShareLinks } from "~/sharing/list-share-links.server";
import { handleShareForm } from "~/sharing/share-link-form.server";
import { shareRefusal } from "~/sharing/share-links.server";
import { requireWorkspace, roleAllows } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const report = reportOf(access, params.report);
  const kind = reportKindOf(report);
  return {
    report: { id: report.id, title: report.title, mode: report.mode },
    workspaceSlug: access.workspace.slug,
    refusal: shareRefusal(report),
    hasDateRange: kind ? reportKinds[kind].dateRange !== null && report.mode === "live" : false,
    links: listShareLinks(access.scope, { reportId: report.id }),
    canManage: roleAllows(access.role, "editor"),
    passwordMin: passwordRules.minLength,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const report = reportOf(access, params.report);
  const result = await handleShareForm(access, request, await request.formData(), report);
  return data(result, { status: Object.keys(result.errors).length > 0 ? 400 : 200 });
}

export default function ShareReport() {
  const { report, workspaceSlug, refusal, hasDateRange, links, canManage, passwordMin } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const { t } = useTranslation("sharing");
  const translate = useMessage();
  return (
    <>
      <h1>{t("share.title", { title: report.title })}</h1>
      <p className="muted small">
        {t("share.intro")} {report.mode === "live" ? t("share.live") : t("share.snapshot")}{" "}
        <Link to={`/w/${workspaceSlug}/reports/links`}>{t("share.allLinks")}</Link>
      </p>
      {refusal ? (
        <p className="notice" role="status">
          {t(`share.refusals.${refusal}`)}
        </p>
      ) : null}
      {result?.notice ? (
        <p className="notice" role="status">
          {translate(result.notice)}
        </p>
      ) : null}
      {result?.url ? <CopyLink url={result.url} /> : null}
      {errors.form ? (
        <p className="form-error" role="alert">
          {translate(errors.form)}
        </p>
      ) : null}
      {canManage && !refusal ? (
        <>
          <h2>{t("share.create")}</h2>
          <Form method="post" className="card">
            <input type="hidden" name="intent" value="create" />
            <Field
              label={t("share.worksFor", { max: MAX_EXPIRY_DAYS })}
              name="expiresInDays"
              type="number"
              min={1}
              max={MAX_EXPIRY_DAYS}
              defaultValue={DEFAULT_EXPIRY_DAYS}
              required
              error={errors.expiresInDays}
            />
            <Field
              label={t("share.passwordOptional", { min: passwordMin })}
              name="password"
              type="password"
              autoComplete="new-password"
              error={errors.password}
            />
            {hasDateRange ? (
              <label>
                <input type="checkbox" name="allowDateRange" /> {t("share.allowDateRange")}
              </label>
            ) : null}
            <button type="submit">{t("share.createButton")}</button>
          </Form>
        </>
      ) : null}
      {!canManage ? <p className="muted small">{t("share.onlyEditors")}</p> : null}
      <h2>{t("share.linksToReport")}</h2>
      <ShareLinksTable
        links={links}
        canManage={canManage}
        showReport={false}
        workspaceSlug={workspaceSlug}
      />
    </>
  );
}

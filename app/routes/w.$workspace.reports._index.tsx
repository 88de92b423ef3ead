import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { ReportsTable } from "~/components/reports/ReportsTable";
import { parseForm } from "~/forms.server";
import { message, useMessage } from "~/i18n/message";
import {
  createReport,
  deleteReport,
  duplicateReport,
  findReport,
  listReports,
  NewReportSchema,
  newReportInput,
  ReportNote,
  ReportTitle,
  updateReport,
} from "~/reports/reports.server";
import { notFound, requireWorkspace, roleAllows } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  return {
    base: `/w/${access.workspace.slug}/reports`,
    canEdit: roleAllows(access.role, "editor"),
    reports: listReports(access.scope).map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      updatedAt: (r.updatedAt ?? r.createdAt).toISOString(),
      snapshotAt: r.snapshotAt?.toISOString() ?? null,
    })),
  };
}

const IdIntent = z.object({
  intent: z.enum(["rename", "note", "duplicate", "delete"]),
  id: z.coerce.number().int(),
  title: ReportTitle.optional(),
  note: ReportNote.optional(),
});

type ActionResult = { id?: number; errors: Record<string, string | undefined>; notice?: string };

/** Saving a page as a report (from its "Save as report" form) and the list's own actions. */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const { scope, user } = access;
  const base = `/w/${access.workspace.slug}/reports`;
  const form = await request.formData();
  if (form.get("intent") === "create") {
    const parsed = NewReportSchema.safeParse(newReportInput(form));
    if (!parsed.success)
      return data<ActionResult>(
        { errors: { form: parsed.error.issues.map((i) => i.message).join("; ") } },
        { status: 400 },
      );
    const report = createReport(scope, user.id, parsed.data);
    return redirect(`${base}/${report.id}`);
  }
  const parsed = parseForm(form, IdIntent);
  if (!parsed.ok) {
    const id = Number(form.get("id"));
    return data<ActionResult>({ id, errors: parsed.errors }, { status: 400 });
  }
  const { id, intent } = parsed.data;
  if (!findReport(scope, id)) throw notFound();
  switch (intent) {
    case "rename":
      updateReport(scope, user.id, id, { title: parsed.data.title ?? "" });
      return { id, errors: {}, notice: message("reports:notices.renamed") } satisfies ActionResult;
    case "note":
      updateReport(scope, user.id, id, { note: parsed.data.note ?? "" });
      return {
        id,
        errors: {},
        notice: message("reports:notices.noteSaved"),
      } satisfies ActionResult;
    case "duplicate": {
      const copy = duplicateReport(scope, user.id, id);
      return {
        id: copy?.id,
        errors: {},
        notice: message("reports:notices.duplicated"),
      } satisfies ActionResult;
    }
    case "delete":
      deleteReport(scope, user.id, id);
      return { errors: {}, notice: message("reports:notices.deleted") } satisfies ActionResult;
  }
}

export default function ReportsPage() {
  const { reports, canEdit, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useTranslation("reports");
  const translate = useMessage();
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="muted">{t("list.intro")}</p>
      {result?.notice ? (
        <p className="notice" role="status">
          {translate(result.notice)}
        </p>
      ) : null}
      {result?.errors.form ? (
        <p className="form-error" role="alert">
          {translate(result.errors.form)}
        </p>
      ) : null}
      {reports.length === 0 ? (
        <p className="muted">
          <Trans t={t} i18nKey="list.none" components={{ campaigns: <Link to="../campaigns" /> }} />
        </p>
      ) : (
        <ReportsTable
          reports={reports}
          base={base}
          canEdit={canEdit}
          errors={result?.errors ?? {}}
          errorsFor={result?.id}
        />
      )}
      {!canEdit ? <p className="small muted">{t("list.viewersNote")}</p> : null}
    </>
  );
}

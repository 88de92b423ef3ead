/**
 * "Save as report" on an analysis page: title, note, snapshot or live. It posts the page's
 * current search parameters (and any route ids in `params`) to the Reports page, which keeps
 * only the parameters the page's kind of report knows. Viewers do not see it.
 */
import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReportKindId } from "~/reports/report-kinds";
import type { loader as workspaceLoader } from "~/routes/w.$workspace";

export function SaveReportForm({
  kind,
  params = {},
  personal = false,
}: {
  kind: ReportKindId;
  /** Parameters that are not in the query, such as the run a segment page belongs to. */
  params?: Record<string, string>;
  /** The page shows individual customers: the report can be saved but not shared by link. */
  personal?: boolean;
}) {
  const workspace = useRouteLoaderData<typeof workspaceLoader>("routes/w.$workspace");
  const { search } = useLocation();
  const { t } = useTranslation("reports");
  if (!workspace || workspace.role === "viewer") return null;
  return (
    <details className="save-report card">
      <summary>{t("save.summary")}</summary>
      <Form method="post" action={`/w/${workspace.workspace.slug}/reports?index`} className="stack">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="search" value={search} />
        {Object.entries(params).map(([name, value]) => (
          <input key={name} type="hidden" name={`param.${name}`} value={value} />
        ))}
        <label>
          {t("save.title")}
          <input name="title" required maxLength={120} defaultValue={t(`kinds.${kind}`)} />
        </label>
        <label>
          {t("save.note")}
          <textarea name="note" rows={2} maxLength={2000} />
        </label>
        <fieldset>
          <legend>{t("save.shows")}</legend>
          <label className="choice">
            <input type="radio" name="mode" value="snapshot" defaultChecked /> {t("save.snapshot")}
          </label>
          <label className="choice">
            <input type="radio" name="mode" value="live" /> {t("save.live")}
          </label>
        </fieldset>
        {personal ? <p className="small muted">{t("save.personal")}</p> : null}
        <p>
          <button type="submit">{t("save.submit")}</button>
        </p>
      </Form>
    </details>
  );
}

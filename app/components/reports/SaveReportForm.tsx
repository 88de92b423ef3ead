/**
 * "Save as report" on an analysis page: title, note, snapshot or live. It posts the page's
 * current search parameters (and any route ids in `params`) to the Reports page, which keeps
 * only the parameters the page's kind of report knows. Viewers do not see it.
 */
import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReportKindId } from "~/reports/report-kinds";
import { reportKindLabels } from "~/reports/report-kinds";
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
  if (!workspace || workspace.role === "viewer") return null;
  return (
    <details className="save-report card">
      <summary>Save as report</summary>
      <Form method="post" action={`/w/${workspace.workspace.slug}/reports?index`} className="stack">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="search" value={search} />
        {Object.entries(params).map(([name, value]) => (
          <input key={name} type="hidden" name={`param.${name}`} value={value} />
        ))}
        <label>
          Title
          <input name="title" required maxLength={120} defaultValue={reportKindLabels[kind]} />
        </label>
        <label>
          Note (optional)
          <textarea name="note" rows={2} maxLength={2000} />
        </label>
        <fieldset>
          <legend>What the report shows</legend>
          <label className="choice">
            <input type="radio" name="mode" value="snapshot" defaultChecked /> Snapshot: the figures
            as they are now, frozen with the time they were taken.
          </label>
          <label className="choice">
            <input type="radio" name="mode" value="live" /> Live: recomputed each time it is opened,
            within the parameters this page has now.
          </label>
        </fieldset>
        {personal ? (
          <p className="small muted">
            This page shows individual customers, so its report can be saved and exported but not
            shared by link.
          </p>
        ) : null}
        <p>
          <button type="submit">Save report</button>
        </p>
      </Form>
    </details>
  );
}

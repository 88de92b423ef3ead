import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LineChart } from "~/components/charts/LineChart";
import { formatGrowth } from "~/components/scraping/format";
import { Provenance } from "~/components/scraping/Provenance";
import { formatDateTime } from "~/format";
import { FormFileTooLarge, readSmallForm } from "~/ingest/multipart.server";
import { MAX_KEYWORDS, MOVING_AVERAGE_WINDOW, TRENDS_CSV_MAX_BYTES } from "~/scraping/limits";
import {
  interestSeries,
  keywordTrends,
  listKeywords,
  risingQueries,
} from "~/scraping/trend-queries.server";
import { importTrendsCsv } from "~/scraping/trends-upload.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, role } = await requireWorkspace(request, params);
  const search = new URL(request.url).searchParams;
  const keywords = listKeywords(scope);
  const asked = search.getAll("kw").filter((k) => keywords.includes(k));
  const chosen = (asked.length > 0 ? asked : keywords).slice(0, MAX_KEYWORDS);
  const smooth = search.get("ma") === "1";
  const trends = keywordTrends(scope, chosen);
  return {
    keywords,
    chosen,
    smooth,
    series: interestSeries(trends, smooth),
    trends: trends.map(({ points: _points, ...t }) => ({
      ...t,
      fetchedAt: t.fetchedAt?.toISOString() ?? null,
      first: _points[0]?.period ?? null,
      last: _points.at(-1)?.period ?? null,
    })),
    rising: risingQueries(scope, chosen).map((r) => ({
      ...r,
      fetchedAt: r.fetchedAt.toISOString(),
    })),
    canUpload: role !== "viewer",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireWorkspace(request, params, "editor");
  try {
    const form = await readSmallForm(request, TRENDS_CSV_MAX_BYTES);
    if (!form.file) {
      return data({ error: "Choose the CSV file exported from the trends site" }, { status: 400 });
    }
    const text = new TextDecoder().decode(form.file.bytes);
    const result = importTrendsCsv(scope, text, form.file.name);
    return { imported: result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const tooBig = error instanceof FormFileTooLarge;
    return data(
      { error: tooBig ? `The file is larger than ${TRENDS_CSV_MAX_BYTES / 1024} KB` : message },
      { status: 400 },
    );
  }
}

export default function TrendsPage() {
  const { keywords, chosen, smooth, series, trends, rising, canUpload } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  return (
    <>
      <h1>Trends</h1>
      <p className="muted">
        Search interest (0–100, relative to the highest point) from the{" "}
        <Link to="../scrapers">trends scraper</Link> or an uploaded export.
      </p>
      {keywords.length > 0 ? (
        <Form method="get" className="row" aria-label="Choose keywords">
          {keywords.map((k) => (
            <label key={k} className="row" style={{ alignItems: "center", fontWeight: 400 }}>
              <input type="checkbox" name="kw" value={k} defaultChecked={chosen.includes(k)} />
              {k}
            </label>
          ))}
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="checkbox" name="ma" value="1" defaultChecked={smooth} />
            {MOVING_AVERAGE_WINDOW}-point moving average
          </label>
          <button type="submit" className="secondary">
            Show (up to {MAX_KEYWORDS})
          </button>
        </Form>
      ) : (
        <p className="muted">No trends yet: add a trends source, or upload an export below.</p>
      )}
      {chosen.length > 0 ? (
        <>
          <h2>
            Interest over time{smooth ? ` (${MOVING_AVERAGE_WINDOW}-point moving average)` : ""}
          </h2>
          <LineChart series={series} yLegend="interest (0–100)" />
          <table className="data" aria-label="Growth over the period" style={{ marginTop: "1rem" }}>
            <thead>
              <tr>
                <th>Keyword</th>
                <th>Growth over the period</th>
                <th>Period</th>
                <th>Source</th>
              </tr>
            </thead>
            <tbody>
              {trends.map((t) => (
                <tr key={t.keyword}>
                  <td>{t.keyword}</td>
                  <td>{formatGrowth(t.growth)}</td>
                  <td>
                    {t.first} – {t.last}
                  </td>
                  <td className="small">
                    <Provenance sourceName={t.sourceName} url={t.from} fetchedAt={t.fetchedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Growth compares the average of the last 4 points with the average of the first 4 (of
            half the points, for short series).
          </p>
          <h2>Rising related queries</h2>
          {rising.length === 0 ? (
            <p className="muted">None reported for these keywords.</p>
          ) : (
            <table className="data" aria-label="Rising queries">
              <thead>
                <tr>
                  <th>Keyword</th>
                  <th>Query</th>
                  <th>Growth</th>
                  <th>Fetched</th>
                </tr>
              </thead>
              <tbody>
                {rising.map((r) => (
                  <tr key={`${r.keyword}|${r.query}`}>
                    <td>{r.keyword}</td>
                    <td>{r.query}</td>
                    <td>
                      {r.breakout ? (
                        <span className="badge status-busy">Breakout</span>
                      ) : (
                        formatGrowth(r.growth)
                      )}
                    </td>
                    <td className="small">{formatDateTime(r.fetchedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      {canUpload ? (
        <>
          <h2>Upload a trends export</h2>
          <Form method="post" encType="multipart/form-data" className="card stack">
            <label>
              The "interest over time" CSV from the trends site (up to {TRENDS_CSV_MAX_BYTES / 1024}{" "}
              KB)
              <input type="file" name="file" accept=".csv,text/csv" required />
            </label>
            {result && "error" in result ? (
              <p className="form-error" role="alert">
                {result.error}
              </p>
            ) : null}
            {result && "imported" in result ? (
              <p className="notice" role="status">
                Stored {result.imported.observationsWritten} points for{" "}
                {result.imported.keywords.join(", ")}.
              </p>
            ) : null}
            <div>
              <button type="submit" disabled={uploading}>
                {uploading ? "Uploading…" : "Upload"}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </>
  );
}

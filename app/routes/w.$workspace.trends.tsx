import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { TrendsView } from "~/components/scraping/TrendsView";
import { FormFileTooLarge, readSmallForm } from "~/ingest/multipart.server";
import { TRENDS_CSV_MAX_BYTES } from "~/scraping/limits";
import { trendsPage } from "~/scraping/trends-page.server";
import { importTrendsCsv } from "~/scraping/trends-upload.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, role } = await requireWorkspace(request, params);
  const search = new URL(request.url).searchParams;
  return {
    ...trendsPage(scope, search.getAll("kw"), search.get("ma") === "1"),
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

export default function TrendsRoute() {
  const page = useLoaderData<typeof loader>();
  const { canUpload } = page;
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  const { t } = useTranslation("scraping");
  return (
    <>
      <TrendsView data={page} interactive />
      <SaveReportForm kind="trends" />
      {canUpload ? (
        <>
          <h2>{t("trendsUpload.heading")}</h2>
          <Form method="post" encType="multipart/form-data" className="card stack">
            <label>
              {t("trendsUpload.fileLabel", { kb: TRENDS_CSV_MAX_BYTES / 1024 })}
              <input type="file" name="file" accept=".csv,text/csv" required />
            </label>
            {result && "error" in result ? (
              <p className="form-error" role="alert">
                {result.error}
              </p>
            ) : null}
            {result && "imported" in result ? (
              <p className="notice" role="status">
                {t("trendsUpload.stored", {
                  count: result.imported.observationsWritten,
                  keywords: result.imported.keywords.join(", "),
                })}
              </p>
            ) : null}
            <div>
              <button type="submit" disabled={uploading}>
                {uploading ? t("trendsUpload.uploading") : t("trendsUpload.upload")}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </>
  );
}

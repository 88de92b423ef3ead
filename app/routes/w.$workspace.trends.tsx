import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { TrendsView } from "~/components/scraping/TrendsView";
import { message, useMessage } from "~/i18n/message";
import { readSmallForm } from "~/ingest/multipart.server";
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
      return data({ error: message("messages:ingest.form.chooseTrendsCsv") }, { status: 400 });
    }
    const text = new TextDecoder().decode(form.file.bytes);
    const result = importTrendsCsv(scope, text, form.file.name);
    return { imported: result };
  } catch (error) {
    // A file over the limit says so (FormFileTooLarge's code); a CSV that is no trends
    // export, its reason.
    const reason = error instanceof Error ? error.message : String(error);
    return data({ error: reason }, { status: 400 });
  }
}

export default function TrendsRoute() {
  const page = useLoaderData<typeof loader>();
  const { canUpload } = page;
  const result = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  const { t } = useTranslation("scraping");
  const translate = useMessage();
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
                {translate(result.error)}
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

import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/format";

export interface ProvenanceProps {
  sourceName: string | null;
  url: string | null;
  fetchedAt: string | Date | null;
  period?: string | null;
}

/** Where a figure came from and when: every scraped figure is shown with this. */
export function Provenance({ sourceName, url, fetchedAt, period }: ProvenanceProps) {
  const { t } = useTranslation("scraping");
  // Only web addresses are links; uploads are recorded as "upload:<file name>".
  const link = url && /^https?:\/\//.test(url) ? url : null;
  return (
    <p className="muted small" data-testid="provenance">
      {t("provenance.source", {
        name:
          sourceName ??
          (url?.startsWith("upload:") ? t("provenance.csvUpload") : t("provenance.unknown")),
      })}
      {link ? (
        <>
          {" · "}
          <a href={link} rel="nofollow noreferrer noopener" target="_blank">
            {link}
          </a>
        </>
      ) : url && !link ? (
        ` · ${url.replace(/^upload:/, "")}`
      ) : null}
      {t("provenance.fetched", { at: formatDateTime(fetchedAt) })}
      {period ? t("provenance.period", { period }) : null}
    </p>
  );
}

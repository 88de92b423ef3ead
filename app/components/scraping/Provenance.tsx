import { formatDateTime } from "~/format";

export interface ProvenanceProps {
  sourceName: string | null;
  url: string | null;
  fetchedAt: string | Date | null;
  period?: string | null;
}

/** Where a figure came from and when: every scraped figure is shown with this. */
export function Provenance({ sourceName, url, fetchedAt, period }: ProvenanceProps) {
  // Only web addresses are links; uploads are recorded as "upload:<file name>".
  const link = url && /^https?:\/\//.test(url) ? url : null;
  return (
    <p className="muted small" data-testid="provenance">
      Source: {sourceName ?? (url?.startsWith("upload:") ? "CSV upload" : "unknown")}
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
      {` · fetched ${formatDateTime(fetchedAt)}`}
      {period ? ` · period ${period}` : null}
    </p>
  );
}

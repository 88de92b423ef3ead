import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatInteger } from "~/format";
import type { LinkState } from "~/sharing/link-state";
import type { ShareLinkRow } from "~/sharing/list-share-links.server";

type Row = Omit<ShareLinkRow, "state"> & { state: LinkState };

/** Share links with their state and, for editors and owners, what can be done with each. */
export function ShareLinksTable({
  links,
  canManage,
  showReport,
  workspaceSlug,
}: {
  links: Row[];
  canManage: boolean;
  showReport: boolean;
  workspaceSlug: string;
}) {
  const { t } = useTranslation("sharing");
  if (links.length === 0) return <p className="muted">{t("table.empty")}</p>;
  return (
    <table className="data" aria-label={t("table.label")}>
      <thead>
        <tr>
          {showReport ? <th>{t("table.report")}</th> : null}
          <th>{t("table.state")}</th>
          <th>{t("table.createdBy")}</th>
          <th>{t("table.created")}</th>
          <th>{t("table.expires")}</th>
          <th>{t("table.lastOpened")}</th>
          <th>{t("table.views")}</th>
          {canManage ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {links.map((link) => (
          <tr key={link.id}>
            {showReport ? (
              <td>
                <Link to={`/w/${workspaceSlug}/reports/${link.reportId}/share`}>
                  {link.reportTitle}
                </Link>
              </td>
            ) : null}
            <td>
              <span className="badge">{t(`table.states.${link.state}`)}</span>
              {link.password ? t("table.password") : ""}
              {link.allowDateRange ? t("table.dateRange") : ""}
              {link.delivery ? t("table.byEmail") : ""}
            </td>
            <td>{link.createdBy ?? "—"}</td>
            <td>{formatDateTime(link.createdAt)}</td>
            <td>{formatDateTime(link.expiresAt)}</td>
            <td>{link.lastOpenedAt ? formatDateTime(link.lastOpenedAt) : t("table.never")}</td>
            <td>{formatInteger(link.viewCount)}</td>
            {canManage ? (
              <td>
                {link.state === "revoked" ? null : (
                  <Form method="post" className="row">
                    <input type="hidden" name="id" value={link.id} />
                    {link.state === "paused" ? (
                      <button type="submit" name="intent" value="resume" className="secondary">
                        {t("table.resume")}
                      </button>
                    ) : link.state === "active" ? (
                      <button type="submit" name="intent" value="pause" className="secondary">
                        {t("table.pause")}
                      </button>
                    ) : null}
                    {link.state !== "expired" ? (
                      <button type="submit" name="intent" value="rotate" className="secondary">
                        {t("table.rotate")}
                      </button>
                    ) : null}
                    <button type="submit" name="intent" value="revoke" className="link">
                      {t("table.revoke")}
                    </button>
                  </Form>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

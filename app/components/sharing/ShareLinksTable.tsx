import { Form, Link } from "@remix-run/react";
import { formatDateTime, formatInteger } from "~/format";
import type { LinkState } from "~/sharing/link-state";
import type { ShareLinkRow } from "~/sharing/list-share-links.server";

type Row = Omit<ShareLinkRow, "state"> & { state: LinkState };

const STATE_LABELS: Record<LinkState, string> = {
  active: "active",
  paused: "paused",
  expired: "expired",
  revoked: "revoked",
};

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
  if (links.length === 0) return <p className="muted">No share links yet.</p>;
  return (
    <table className="data" aria-label="Share links">
      <thead>
        <tr>
          {showReport ? <th>Report</th> : null}
          <th>State</th>
          <th>Created by</th>
          <th>Created</th>
          <th>Expires</th>
          <th>Last opened</th>
          <th>Views</th>
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
              <span className="badge">{STATE_LABELS[link.state]}</span>
              {link.password ? " · password" : ""}
              {link.allowDateRange ? " · date range" : ""}
              {link.delivery ? " · sent by e-mail" : ""}
            </td>
            <td>{link.createdBy ?? "—"}</td>
            <td>{formatDateTime(link.createdAt)}</td>
            <td>{formatDateTime(link.expiresAt)}</td>
            <td>{link.lastOpenedAt ? formatDateTime(link.lastOpenedAt) : "never"}</td>
            <td>{formatInteger(link.viewCount)}</td>
            {canManage ? (
              <td>
                {link.state === "revoked" ? null : (
                  <Form method="post" className="row">
                    <input type="hidden" name="id" value={link.id} />
                    {link.state === "paused" ? (
                      <button type="submit" name="intent" value="resume" className="secondary">
                        Resume
                      </button>
                    ) : link.state === "active" ? (
                      <button type="submit" name="intent" value="pause" className="secondary">
                        Pause
                      </button>
                    ) : null}
                    {link.state !== "expired" ? (
                      <button type="submit" name="intent" value="rotate" className="secondary">
                        New link
                      </button>
                    ) : null}
                    <button type="submit" name="intent" value="revoke" className="link">
                      Revoke
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

import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDateTime } from "~/format";
import { useMessage } from "~/i18n/message";

export interface SourceRow {
  id: number;
  name: string;
  adapter: string;
  schedule: string;
  state: "enabled" | "paused" | "dead";
  lastStatus: string | null;
  lastRunAt: string | null;
  nextRunAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  pending: string | null;
}

const stateTone: Record<SourceRow["state"], string> = {
  enabled: "ok",
  paused: "idle",
  dead: "bad",
};

function Action({
  id,
  intent,
  label,
  className,
}: {
  id: number;
  intent: string;
  label: string;
  className?: string;
}) {
  return (
    <Form method="post" style={{ display: "inline" }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="intent" value={intent} className={className}>
        {label}
      </button>
    </Form>
  );
}

/** The workspace's sources with their state, last and next run, and the actions editors have. */
export function SourcesTable({ sources, canEdit }: { sources: SourceRow[]; canEdit: boolean }) {
  const { t } = useTranslation("scraping");
  const translate = useMessage();
  if (sources.length === 0) return <p className="muted">{t("sourcesTable.none")}</p>;
  return (
    <div className="scroll-x">
      <table className="data" aria-label={t("sourcesTable.label")}>
        <thead>
          <tr>
            <th>{t("sourcesTable.source")}</th>
            <th>{t("sourcesTable.schedule")}</th>
            <th>{t("sourcesTable.state")}</th>
            <th>{t("sourcesTable.lastRun")}</th>
            <th>{t("sourcesTable.nextRun")}</th>
            {canEdit ? <th>{t("sourcesTable.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id} data-testid={`source-${s.id}`}>
              <td>
                <a href={`?source=${s.id}#runs`}>{s.name}</a>
                <div className="muted small">
                  {t(`adapters.${s.adapter}`, { defaultValue: s.adapter })}
                </div>
              </td>
              <td className="mono">{s.schedule}</td>
              <td>
                <span className={`badge status-${stateTone[s.state]}`} data-testid="source-state">
                  {t(`sourcesTable.states.${s.state}`)}
                </span>
                {s.pending ? (
                  <div>
                    <StatusBadge status={s.pending} />
                  </div>
                ) : null}
              </td>
              <td>
                {s.lastStatus ? (
                  <StatusBadge status={s.lastStatus} />
                ) : (
                  <span className="muted">{t("sourcesTable.never")}</span>
                )}
                <div className="muted small">
                  {s.lastRunAt ? formatDateTime(s.lastRunAt) : null}
                </div>
                {s.lastError ? (
                  <div className="form-error small" style={{ maxWidth: "28rem" }}>
                    {translate(s.lastError)}
                    {s.consecutiveFailures > 1
                      ? t("sourcesTable.failuresInRow", { count: s.consecutiveFailures })
                      : null}
                  </div>
                ) : null}
              </td>
              <td>
                {s.nextRunAt ? formatDateTime(s.nextRunAt) : <span className="muted">—</span>}
              </td>
              {canEdit ? (
                <td>
                  <div className="row" style={{ gap: "0.4rem" }}>
                    <Action id={s.id} intent="run" label={t("sourcesTable.runNow")} />
                    {s.state === "enabled" ? (
                      <Action
                        id={s.id}
                        intent="pause"
                        label={t("sourcesTable.pause")}
                        className="secondary"
                      />
                    ) : (
                      <Action
                        id={s.id}
                        intent="resume"
                        label={t("sourcesTable.resume")}
                        className="secondary"
                      />
                    )}
                    {/* A GET to the confirmation step (?delete=id), which says what goes. */}
                    <Form method="get" style={{ display: "inline" }} preventScrollReset>
                      <button type="submit" name="delete" value={s.id} className="danger">
                        {t("sourcesTable.delete")}
                      </button>
                    </Form>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

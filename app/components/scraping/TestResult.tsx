import { useTranslation } from "react-i18next";
import { useMessage } from "~/i18n/message";
import { formatFigure } from "./format";

export interface TestObservation {
  entityType: string;
  entity: string;
  metric: string;
  period: string;
  value: number | null;
  textValue?: string | null;
}

export type TestOutcome =
  | { ok: true; url: string; total: number; observations: TestObservation[] }
  | { ok: false; error: string };

/** What the "Test" button read from the page (text is scraped: React escapes it). */
export function TestResult({ outcome }: { outcome: TestOutcome }) {
  const { t } = useTranslation("scraping");
  const translate = useMessage();
  if (!outcome.ok) {
    return (
      <section aria-label={t("testResult.label")} className="card">
        <h3 style={{ marginTop: 0 }}>{t("testResult.failed")}</h3>
        <p className="form-error" role="alert">
          {translate(outcome.error)}
        </p>
      </section>
    );
  }
  return (
    <section aria-label={t("testResult.label")} className="card">
      <h3 style={{ marginTop: 0 }}>
        {t("testResult.read", { count: outcome.total, url: outcome.url })}
      </h3>
      <p className="muted small">{t("testResult.nothingSaved")}</p>
      <div className="scroll-x">
        <table className="data">
          <thead>
            <tr>
              <th>{t("testResult.entity")}</th>
              <th>{t("testResult.metric")}</th>
              <th>{t("testResult.period")}</th>
              <th>{t("testResult.value")}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.observations.map((o) => (
              <tr key={`${o.entity}|${o.metric}|${o.period}`}>
                <td>
                  {o.entity} <span className="muted small">{o.entityType}</span>
                </td>
                <td>{o.metric}</td>
                <td>{o.period}</td>
                <td>{o.value === null ? o.textValue : formatFigure(o.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outcome.total > outcome.observations.length ? (
        <p className="muted small">
          {t("testResult.more", { count: outcome.total - outcome.observations.length })}
        </p>
      ) : null}
    </section>
  );
}

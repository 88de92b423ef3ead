import { useTranslation } from "react-i18next";
import type { StoredValueResult } from "~/customers/value-models.server";
import { formatDecimal, formatMoney } from "~/format";

type Trained = Extract<StoredValueResult, { ok: true }>;
const METHODS = ["model", "last_period", "bg_nbd"] as const;

/** The model and both baselines on the evaluation split, and which one is used and why. */
export function ValueMetrics({ result, currency }: { result: Trained; currency: string | null }) {
  const { t } = useTranslation("value");
  const money = (v: number) => formatMoney(v, currency);
  const m = result.metrics;
  return (
    <>
      <h2>{t("metrics.title")}</h2>
      <table className="data" data-testid="value-metrics">
        <thead>
          <tr>
            <th>{t("metrics.method")}</th>
            <th>{t("metrics.mae")}</th>
            <th>{t("metrics.rmse")}</th>
            <th>{t("metrics.r2")}</th>
          </tr>
        </thead>
        <tbody>
          {METHODS.map((method) => (
            <tr key={method} data-method={method}>
              <td>
                {t(`metrics.${method}`)}
                {result.used === method ? <strong> · {t("metrics.used")}</strong> : null}
              </td>
              <td>{money(m[method].mae)}</td>
              <td>{money(m[method].rmse)}</td>
              <td>{formatDecimal(m[method].r2, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="value-reason">
        {result.reason === "model_beats_both"
          ? t("reason.model_beats_both", {
              model: money(m.model.rmse),
              last: money(m.last_period.rmse),
              bg: money(m.bg_nbd.rmse),
            })
          : t("reason.model_loses", {
              model: money(m.model.rmse),
              lost: result.lost_to.map((l) => t(`metrics.${l.baseline}`)).join(", "),
              used: t(`metrics.${result.used}`),
            })}
      </p>
      <p className="small muted">{t("metrics.note")}</p>
    </>
  );
}

import { useTranslation } from "react-i18next";
import { CurveChart } from "~/components/charts/CurveChart";
import { formatDay } from "~/format";
import { useMessage } from "~/i18n/message";
import { count, money, percent, ratio } from "./format";

export interface ChannelFitView {
  channel: string;
  conversions: FitSummary;
  revenue: FitSummary;
  spreadCampaigns: number;
  averageDaily: number;
  maxDaily: number;
  curve: { x: number; y: number }[];
}

interface FitSummary {
  status: string;
  reasons: string[];
  quality: { r2: number; nrmseHoldout: number | null; mapeHoldout: number | null } | null;
  params: { decay: number; halfSaturation: number; shape: number; ceiling: number } | null;
  range: { from: string | null; to: string | null; days: number; weeksWithSpend: number };
}

/** Quality figures of one fit, in words a marketer can check. */
export function FitQuality({ fit }: { fit: FitSummary }) {
  const { t } = useTranslation("forecast");
  if (!fit.quality) return <span className="muted">—</span>;
  return (
    <span>
      {t("curves.quality", {
        r2: ratio(fit.quality.r2),
        heldOut: percent(0.2),
        nrmse: percent(fit.quality.nrmseHoldout),
        mape: percent(fit.quality.mapeHoldout),
      })}
    </span>
  );
}

export function CurveCards({
  channels,
  plannedDaily,
}: {
  channels: ChannelFitView[];
  plannedDaily: Record<string, number>;
}) {
  const { t } = useTranslation("forecast");
  const translate = useMessage();
  return (
    <div className="grid-cards">
      {channels.map((c) => {
        const fit = c.conversions;
        const confident = fit.status === "ok" || fit.status === "poor";
        const planned = plannedDaily[c.channel];
        return (
          <section
            className="card"
            key={c.channel}
            aria-label={t("curves.region", { channel: c.channel })}
          >
            <h3>
              {c.channel}{" "}
              <span className={`badge ${fit.status === "ok" ? "status-ok" : "status-bad"}`}>
                {t(`curves.status.${fit.status}`, { defaultValue: fit.status })}
              </span>
            </h3>
            {fit.reasons.length ? (
              <ul className="warn small">
                {fit.reasons.map((r) => (
                  <li key={r}>{translate(r)}</li>
                ))}
              </ul>
            ) : null}
            {fit.params && confident ? (
              <CurveChart
                id={`${c.channel} conversions per day`}
                points={c.curve}
                height={220}
                xLegend={t("curves.dailySpend")}
                yLegend={t("curves.conversionsADay")}
                valueFormat={(v) => ratio(v, 1)}
                xFormat={money}
                marks={[
                  { x: c.averageDaily, label: t("curves.current") },
                  ...(planned !== undefined ? [{ x: planned, label: t("curves.planned") }] : []),
                ]}
              />
            ) : fit.params ? (
              <p className="muted small">{t("curves.noCurve")}</p>
            ) : null}
            <p className="small">
              <FitQuality fit={fit} />
            </p>
            {fit.params ? (
              <p className="small muted">
                {t("curves.params", {
                  decay: percent(fit.params.decay),
                  ceiling: ratio(fit.params.ceiling, 1),
                  half: money(fit.params.halfSaturation),
                  shape: ratio(fit.params.shape),
                  from: formatDay(fit.range.from),
                  to: formatDay(fit.range.to),
                  weeks: count(fit.range.weeksWithSpend),
                  average: money(c.averageDaily),
                })}
              </p>
            ) : null}
            {c.spreadCampaigns > 0 ? (
              <p className="small muted">{t("curves.spread", { count: c.spreadCampaigns })}</p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

import { CurveChart } from "~/components/charts/CurveChart";
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

const STATUS_TEXT: Record<string, string> = {
  ok: "Fitted",
  poor: "Poor fit",
  unidentified: "Shape not identified",
  "not-enough-history": "Not enough history",
};

/** Quality figures of one fit, in words a marketer can check. */
export function FitQuality({ fit }: { fit: FitSummary }) {
  if (!fit.quality) return <span className="muted">—</span>;
  return (
    <span>
      R² {ratio(fit.quality.r2)} in sample; on the last 20 % of days held out: NRMSE{" "}
      {percent(fit.quality.nrmseHoldout)}, MAPE {percent(fit.quality.mapeHoldout)}
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
  return (
    <div className="grid-cards">
      {channels.map((c) => {
        const fit = c.conversions;
        const confident = fit.status === "ok" || fit.status === "poor";
        const planned = plannedDaily[c.channel];
        return (
          <section className="card" key={c.channel} aria-label={`Response curve ${c.channel}`}>
            <h3>
              {c.channel}{" "}
              <span className={`badge ${fit.status === "ok" ? "status-ok" : "status-bad"}`}>
                {STATUS_TEXT[fit.status] ?? fit.status}
              </span>
            </h3>
            {fit.reasons.length ? (
              <ul className="warn small">
                {fit.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
            {fit.params && confident ? (
              <CurveChart
                id={`${c.channel} conversions per day`}
                points={c.curve}
                height={220}
                xLegend="Daily spend"
                yLegend="Conversions a day"
                valueFormat={(v) => ratio(v, 1)}
                xFormat={money}
                marks={[
                  { x: c.averageDaily, label: "current" },
                  ...(planned !== undefined ? [{ x: planned, label: "planned" }] : []),
                ]}
              />
            ) : fit.params ? (
              <p className="muted small">
                No curve is drawn: the data cannot tell where this channel saturates.
              </p>
            ) : null}
            <p className="small">
              <FitQuality fit={fit} />
            </p>
            {fit.params ? (
              <p className="small muted">
                Carry-over {percent(fit.params.decay)} a day, half of the ceiling of{" "}
                {ratio(fit.params.ceiling, 1)} conversions a day at{" "}
                {money(fit.params.halfSaturation)} of adstocked spend, shape{" "}
                {ratio(fit.params.shape)}. Data {fit.range.from} to {fit.range.to},{" "}
                {count(fit.range.weeksWithSpend)} weeks with spend; average daily spend{" "}
                {money(c.averageDaily)}.
              </p>
            ) : null}
            {c.spreadCampaigns > 0 ? (
              <p className="small muted">
                {c.spreadCampaigns} campaign(s) were uploaded as totals only and are spread evenly
                over their days.
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

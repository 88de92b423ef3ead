import { useTranslation } from "react-i18next";
import { formatDateTime, formatInteger, formatPercentage } from "~/format";
import { useMessage } from "~/i18n/message";
import { segmentName } from "../segments/segment-names";

interface Interval {
  rate: number;
  lower: number;
  upper: number;
}

export interface PlanEstimateView {
  source: "held-out" | "after-plan";
  responses: number;
  up_to: string | null;
  effective_sample_size: number;
  historical: Interval;
  plan_self_normalised: Interval;
  observed: { matched_sends: number; responses: number; rate: number | null } | null;
}

export interface PlanSummaryView {
  as_of: string;
  response_rows: number;
  segment_members: number;
  planned: number;
  explored: number;
  skipped: { at_weekly_cap: number; no_channel_consent: number; no_offer_left: number };
}

export interface PlanViewProps {
  plan: {
    id: number;
    runId: number;
    segment: string;
    weeklyCap: number;
    explore: number;
    status: string;
    error: string | null;
    estimatedAt: string | Date | null;
  };
  summary: PlanSummaryView | null;
  estimate: PlanEstimateView | null;
  groups: {
    channel: string;
    offer: string;
    hour: number;
    customers: number;
    explored: number;
    expectedRate: number;
  }[];
  csvHref: string;
}

const hourText = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

function EstimateTable({ estimate }: { estimate: PlanEstimateView }) {
  const { t } = useTranslation("notifications");
  const row = (label: string, interval: Interval, testId: string) => (
    <tr>
      <td>{label}</td>
      <td className="num" data-testid={testId}>
        {formatPercentage(interval.rate)}
      </td>
      <td className="num">
        {t("estimate.range", {
          lower: formatPercentage(Math.max(0, interval.lower)),
          upper: formatPercentage(Math.min(1, interval.upper)),
        })}
      </td>
    </tr>
  );
  return (
    <table className="data" aria-label={t("estimate.title")}>
      <thead>
        <tr>
          <th>{t("estimate.policy")}</th>
          <th className="num">{t("estimate.rate")}</th>
          <th className="num">{t("estimate.interval")}</th>
        </tr>
      </thead>
      <tbody>
        {row(t("estimate.plan"), estimate.plan_self_normalised, "plan-rate")}
        {row(t("estimate.historical"), estimate.historical, "historical-rate")}
      </tbody>
    </table>
  );
}

/** A stored plan: its estimate against the historical sends, who gets what, who is left out. */
export function PlanView({ plan, summary, estimate, groups, csvHref }: PlanViewProps) {
  const { t } = useTranslation("notifications");
  const translate = useMessage();
  const title = <h2>{t("plan.title", { id: plan.id, segment: segmentName(t, plan.segment) })}</h2>;
  if (plan.status === "queued" || plan.status === "running")
    return (
      <section aria-label={t("estimate.title")}>
        {title}
        <p className="muted" role="status">
          {t("plan.waiting")}
        </p>
      </section>
    );
  if (plan.status === "failed" || !summary)
    return (
      <section>
        {title}
        <p className="form-error" role="alert">
          {t("plan.failed", { error: translate(plan.error) })}
        </p>
      </section>
    );
  const excluded = [
    { key: "noConsent", n: summary.skipped.no_channel_consent },
    { key: "atCap", n: summary.skipped.at_weekly_cap },
    { key: "noOffer", n: summary.skipped.no_offer_left },
  ];
  return (
    <section className="stack">
      {title}
      <p className="muted small">
        {t("plan.params", {
          run: plan.runId,
          cap: formatInteger(plan.weeklyCap),
          explore: formatPercentage(plan.explore, 0),
          responses: formatInteger(summary.response_rows),
          asOf: formatDateTime(summary.as_of),
        })}
      </p>
      <div className="stats">
        <div>
          <strong>{formatInteger(summary.segment_members)}</strong>
          <span>{t("plan.members")}</span>
        </div>
        <div>
          <strong data-testid="planned">{formatInteger(summary.planned)}</strong>
          <span>{t("plan.planned")}</span>
        </div>
        <div>
          <strong>{formatInteger(summary.explored)}</strong>
          <span>{t("plan.explored")}</span>
        </div>
      </div>

      <h3>{t("estimate.title")}</h3>
      {estimate ? (
        <>
          <EstimateTable estimate={estimate} />
          <p className="small" data-testid="estimate-source">
            {t(estimate.source === "after-plan" ? "estimate.fromLater" : "estimate.fromHeldOut", {
              n: formatInteger(estimate.responses),
              date: formatDateTime(estimate.up_to),
            })}{" "}
            {t("estimate.effective", { n: formatInteger(estimate.effective_sample_size) })}
          </p>
          <p className="small" data-testid="observed">
            {estimate.observed && estimate.observed.matched_sends > 0
              ? t("estimate.observed", {
                  responses: formatInteger(estimate.observed.responses),
                  sends: formatInteger(estimate.observed.matched_sends),
                  rate: formatPercentage(estimate.observed.rate),
                })
              : t("estimate.notObserved")}
          </p>
          <p className="muted small">
            {t("estimate.updated", { date: formatDateTime(plan.estimatedAt) })}
          </p>
        </>
      ) : (
        <p className="muted">{t("estimate.none")}</p>
      )}

      <p>
        <a href={csvHref} download>
          {t("plan.csv")}
        </a>
      </p>
      <p className="muted small">{t("plan.csvNote")}</p>

      <h3>{t("plan.groupsTitle")}</h3>
      <div className="scroll-x">
        <table className="data" aria-label={t("plan.groupsTitle")}>
          <thead>
            <tr>
              <th>{t("plan.channel")}</th>
              <th>{t("plan.offer")}</th>
              <th>{t("plan.hour")}</th>
              <th className="num">{t("plan.customers")}</th>
              <th className="num">{t("plan.exploring")}</th>
              <th className="num">{t("plan.expectedRate")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.channel}|${g.offer}|${g.hour}`}>
                <td>{g.channel}</td>
                <td>{g.offer}</td>
                <td>{hourText(g.hour)}</td>
                <td className="num">{formatInteger(g.customers)}</td>
                <td className="num">{formatInteger(g.explored)}</td>
                <td className="num">{formatPercentage(g.expectedRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t("plan.excludedTitle")}</h3>
      <table className="data" aria-label={t("plan.excludedTitle")}>
        <thead>
          <tr>
            <th>{t("plan.reason")}</th>
            <th className="num">{t("plan.customers")}</th>
          </tr>
        </thead>
        <tbody>
          {excluded.map((e) => (
            <tr key={e.key}>
              <td>{t(`plan.excluded.${e.key}`)}</td>
              <td className="num" data-testid={`excluded-${e.key}`}>
                {formatInteger(e.n)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

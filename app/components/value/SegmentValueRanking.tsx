import { useTranslation } from "react-i18next";
import { labelOf } from "~/components/segments/run-results";
import { segmentName } from "~/components/segments/segment-names";
import type { SegmentValueRank } from "~/customers/value-of-customers.server";
import { formatInteger, formatMoney } from "~/format";

/** A run's segments ranked by the mean predicted value of their members. */
export function SegmentValueRanking({
  ranking,
  labels,
  currency,
}: {
  ranking: { horizonDays: number; segments: SegmentValueRank[] } | null;
  labels: Record<string, string>;
  currency: string | null;
}) {
  const { t } = useTranslation("value");
  const { t: tSegments } = useTranslation("segments");
  return (
    <>
      <h2>{t("ranking.title")}</h2>
      {ranking ? (
        <table className="data" data-testid="segment-value-ranking">
          <thead>
            <tr>
              <th>{t("ranking.segment")}</th>
              <th>{t("ranking.customers")}</th>
              <th>{t("ranking.mean")}</th>
              <th>{t("ranking.total")}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.segments.map((s) => (
              <tr key={s.segment}>
                <td>{segmentName(tSegments, labelOf(labels, s.segment))}</td>
                <td>{formatInteger(s.customers)}</td>
                <td>{formatMoney(s.meanValue, currency)}</td>
                <td>{formatMoney(s.totalValue, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="small muted">{t("ranking.none")}</p>
      )}
    </>
  );
}

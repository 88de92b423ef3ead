import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts/BarChart";
import { formatPercentage } from "~/format";
import { valueFeatureLabel } from "./feature-label";

/** Each feature's share of the trees' total gain, largest first, as horizontal bars. */
export function FeatureImportance({
  importance,
}: {
  importance: { feature: string; share: number }[];
}) {
  const { t } = useTranslation("value");
  const shown = importance.filter((f) => f.share > 0);
  const series = t("importance.axis");
  // Horizontal bars draw the first datum at the bottom: reverse so the largest is on top.
  const data = shown
    .map((f) => ({ label: valueFeatureLabel(t, f.feature), [series]: f.share }))
    .reverse();
  return (
    <>
      <h2>{t("importance.title")}</h2>
      <BarChart
        data={data}
        keys={[series]}
        layout="horizontal"
        height={Math.max(200, 26 * data.length + 60)}
        valueFormat={(v) => formatPercentage(v, 1)}
        empty={t("importance.empty")}
      />
    </>
  );
}

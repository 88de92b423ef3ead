import { useTranslation } from "react-i18next";
import type { MetricKind } from "~/scraping/metric-kinds";
import { formatMetric } from "./format";
import { Provenance, type ProvenanceProps } from "./Provenance";

export interface CustomFigureRow extends ProvenanceProps {
  entity: string;
  metric: string;
  value: number | null;
  textValue: string | null;
  kind: MetricKind | null;
}

/** The latest figure of each custom-source metric, shown as its kind says, with its source. */
export function CustomFiguresTable({ rows }: { rows: readonly CustomFigureRow[] }) {
  const { t } = useTranslation("scraping");
  return (
    <table className="data">
      <thead>
        <tr>
          <th>{t("customFigures.what")}</th>
          <th>{t("customFigures.metric")}</th>
          <th>{t("customFigures.value")}</th>
          <th>{t("customFigures.source")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.entity}|${r.metric}`}>
            <td>{r.entity}</td>
            <td>{r.metric}</td>
            <td>{r.value === null ? r.textValue : formatMetric(r.value, r.kind)}</td>
            <td className="small">
              <Provenance {...r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadChartPng } from "./chart-png";

/**
 * Set by a report page: its charts offer "Download PNG". The name prefixes each file
 * (the report's title); charts on the analysis pages themselves show no button.
 */
export const ChartDownloads = createContext<string | null>(null);

/**
 * Responsive nivo charts measure their container, which only exists in the browser: on the
 * server they would render an empty box. This renders a sized placeholder until hydration.
 */
export function ClientOnly({ height, children }: { height: number; children: () => ReactNode }) {
  const [mounted, setMounted] = useState(false);
  const downloadName = useContext(ChartDownloads);
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => setMounted(true), []);
  const chart = (
    <div style={{ height, width: "100%" }} className="chart" ref={frame}>
      {mounted ? children() : <div className="chart-placeholder" style={{ height }} aria-hidden />}
    </div>
  );
  if (downloadName === null) return chart;
  return (
    <figure className="chart-figure">
      {chart}
      <button
        type="button"
        className="link small chart-download"
        disabled={!mounted}
        onClick={() => {
          if (!frame.current) return;
          const heading = headingBefore(frame.current.closest("figure"));
          void downloadChartPng(frame.current, [downloadName, heading].filter(Boolean).join(" "));
        }}
      >
        {t("charts.downloadPng")}
      </button>
    </figure>
  );
}

/** The nearest heading above the chart names its file ("March ROI ROI by channel.png"). */
function headingBefore(element: Element | null): string {
  let node = element?.previousElementSibling ?? null;
  while (node && !/^H[1-4]$/.test(node.tagName)) node = node.previousElementSibling;
  return node?.textContent?.trim() ?? "";
}

/** What a chart shows when there is nothing to draw, instead of an empty frame. */
export function EmptyChart({ height, message }: { height: number; message?: string }) {
  const { t } = useTranslation();
  return (
    <div className="chart-empty" style={{ height }}>
      <p className="muted">{message ?? t("charts.empty")}</p>
    </div>
  );
}

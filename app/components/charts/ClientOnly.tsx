import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Responsive nivo charts measure their container, which only exists in the browser: on the
 * server they would render an empty box. This renders a sized placeholder until hydration.
 */
export function ClientOnly({ height, children }: { height: number; children: () => ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div style={{ height, width: "100%" }} className="chart">
      {mounted ? children() : <div className="chart-placeholder" style={{ height }} aria-hidden />}
    </div>
  );
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

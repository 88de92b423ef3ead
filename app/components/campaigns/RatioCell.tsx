import { useTranslation } from "react-i18next";
import type { BootstrapInterval } from "~/analytics/block-bootstrap";
import type { Ratio, RatioName } from "~/analytics/campaign-metrics";
import { formatRatio } from "./ratio-format";
import { translateRatioReason } from "./ratio-reasons";

/** A ratio, its interval below it when there is one, or "—" with the reason as a tooltip. */
export function RatioCell({
  name,
  ratio,
  interval,
  currency,
}: {
  name: RatioName;
  ratio: Ratio;
  interval?: BootstrapInterval;
  currency: string | null;
}) {
  const { t } = useTranslation("campaigns");
  if (ratio.value === null) {
    const reason = translateRatioReason(t, ratio.reason);
    return (
      <td title={reason} className="muted">
        — <span className="small">({reason})</span>
      </td>
    );
  }
  return (
    <td>
      {formatRatio(name, ratio.value, currency)}
      {interval && interval.low !== null ? (
        <div className="small muted">
          {t("intervalTo", {
            low: formatRatio(name, interval.low, currency),
            high: formatRatio(name, interval.high, currency),
          })}
        </div>
      ) : null}
    </td>
  );
}

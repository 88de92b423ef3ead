import type { BootstrapInterval } from "~/analytics/block-bootstrap";
import type { Ratio, RatioName } from "~/analytics/campaign-metrics";
import { formatRatio } from "./ratio-format";

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
  if (ratio.value === null) {
    return (
      <td title={ratio.reason} className="muted">
        — <span className="small">({ratio.reason})</span>
      </td>
    );
  }
  return (
    <td>
      {formatRatio(name, ratio.value, currency)}
      {interval && interval.low !== null ? (
        <div className="small muted">
          {formatRatio(name, interval.low, currency)} to{" "}
          {formatRatio(name, interval.high, currency)}
        </div>
      ) : null}
    </td>
  );
}

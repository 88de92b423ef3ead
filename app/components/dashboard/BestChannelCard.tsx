import { Link } from "@remix-run/react";
import { formatRatio } from "~/components/campaigns/ratio-format";
import type { BestChannel, ChannelRoi } from "~/dashboard/best-channel.server";
import { formatMoney } from "~/format";
import { BigFigure, DashboardCard } from "./DashboardCard";

const roi = (value: number) => formatRatio("roi", value, null);

function IntervalText({ channel }: { channel: ChannelRoi }) {
  return channel.interval ? (
    <>
      80 % interval {roi(channel.interval.low)} to {roi(channel.interval.high)}
    </>
  ) : (
    <>no interval ({channel.intervalReason})</>
  );
}

/** Whether the runner-up's interval reaches the best channel's: the lead may be chance. */
function overlaps(best: ChannelRoi, other: ChannelRoi): boolean {
  return !!best.interval && !!other.interval && other.interval.high >= best.interval.low;
}

export function BestChannelCard({
  figures,
  currency,
}: {
  figures: BestChannel;
  currency: string | null;
}) {
  return (
    <DashboardCard
      title="Best channel by ROI"
      to="campaigns?by=channel"
      linkText="ROI of every channel on the Campaigns page"
      testId="card-best-channel"
    >
      {figures.status === "no-campaigns" ? (
        <p className="muted">
          No campaigns yet. Upload a campaigns file (spend and revenue per day) on the{" "}
          <Link to="data">Data</Link> page to compare channels.
        </p>
      ) : figures.status === "no-channel" ? (
        <p className="muted">
          — No campaign row names a channel; upload campaigns with a channel column.
        </p>
      ) : figures.status === "no-roi" ? (
        <p className="muted">— No channel has an ROI ({figures.reason}).</p>
      ) : (
        <>
          <BigFigure testId="best-channel">
            {figures.best.channel}: {roi(figures.best.roi)}
          </BigFigure>
          <p data-testid="best-channel-interval">
            <IntervalText channel={figures.best} />
          </p>
          <p className="muted small">
            ROI = (revenue − spend) / spend: {formatMoney(figures.best.revenue, currency)} from{" "}
            {formatMoney(figures.best.spend, currency)} spent
            {figures.span ? `, ${figures.span.first} to ${figures.span.last}` : ""}; best of{" "}
            {figures.ranked} channels.
          </p>
          {figures.runnerUp ? (
            <p className="small" data-testid="best-channel-runner-up">
              Next: {figures.runnerUp.channel}, {roi(figures.runnerUp.roi)}
              {overlaps(figures.best, figures.runnerUp)
                ? ". The two intervals overlap, so the lead may be chance."
                : "."}
            </p>
          ) : null}
        </>
      )}
    </DashboardCard>
  );
}

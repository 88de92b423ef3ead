import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { formatRatio } from "~/components/campaigns/ratio-format";
import { translateRatioReason } from "~/components/campaigns/ratio-reasons";
import type { BestChannel, ChannelRoi } from "~/dashboard/best-channel.server";
import { formatMoney } from "~/format";
import { BigFigure, DashboardCard } from "./DashboardCard";

const roi = (value: number) => formatRatio("roi", value, null);

function intervalText(t: TFunction, channel: ChannelRoi): string {
  return channel.interval
    ? t("bestChannel.interval", {
        low: roi(channel.interval.low),
        high: roi(channel.interval.high),
      })
    : t("bestChannel.noInterval", {
        reason: translateRatioReason(t, channel.intervalReason ?? ""),
      });
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
  const { t } = useTranslation("dashboard");
  return (
    <DashboardCard
      title={t("bestChannel.title")}
      to="campaigns?by=channel"
      linkText={t("bestChannel.link")}
      testId="card-best-channel"
    >
      {figures.status === "no-campaigns" ? (
        <p className="muted">
          <Trans
            t={t}
            i18nKey="bestChannel.noCampaigns"
            components={{ data: <Link to="data" /> }}
          />
        </p>
      ) : figures.status === "no-channel" ? (
        <p className="muted">{t("bestChannel.noChannel")}</p>
      ) : figures.status === "no-roi" ? (
        <p className="muted">
          {t("bestChannel.noRoi", { reason: translateRatioReason(t, figures.reason) })}
        </p>
      ) : (
        <>
          <BigFigure testId="best-channel">
            {figures.best.channel}: {roi(figures.best.roi)}
          </BigFigure>
          <p data-testid="best-channel-interval">{intervalText(t, figures.best)}</p>
          <p className="muted small">
            {t("bestChannel.basis", {
              revenue: formatMoney(figures.best.revenue, currency),
              spend: formatMoney(figures.best.spend, currency),
              span: figures.span
                ? t("bestChannel.span", { first: figures.span.first, last: figures.span.last })
                : "",
              count: figures.ranked,
            })}
          </p>
          {figures.runnerUp ? (
            <p className="small" data-testid="best-channel-runner-up">
              {t(
                overlaps(figures.best, figures.runnerUp)
                  ? "bestChannel.runnerUpOverlap"
                  : "bestChannel.runnerUp",
                { channel: figures.runnerUp.channel, roi: roi(figures.runnerUp.roi) },
              )}
            </p>
          ) : null}
        </>
      )}
    </DashboardCard>
  );
}

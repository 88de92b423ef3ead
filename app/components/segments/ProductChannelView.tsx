/**
 * Product × channel (docs/analytics.md §20): for each category or product, channels ranked by
 * expected buyers reached = propensity × audience size × effectiveness, with reasons in words.
 */
import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { formatInteger } from "~/format";
import type { ProductChannelReport } from "~/segments/match-product-channels.server";
import { formatDecimal, formatPercent } from "./numbers";

type Report = SerializeFrom<ProductChannelReport>;
type Channel = Report["items"][number]["channels"][number];

const CHANNELS_SHOWN = 5;

function Reasons({ channel }: { channel: Channel }) {
  const { t } = useTranslation("segments");
  const lines = channel.dimensions.slice(0, 2).map((d) =>
    t(d.index >= 1 ? "productChannels.overIndex" : "productChannels.underIndex", {
      dimension: t(`productChannels.dimension.${d.dimension}`, { defaultValue: d.dimension }),
      index: formatDecimal(d.index),
      bucket: d.drivingBucket.replace(/^age_/, "").replace(/_/g, "–"),
      share: formatPercent(d.drivingShare, 0),
      rate: formatPercent(d.drivingRate, 0),
    }),
  );
  if (channel.notCompared.length > 0)
    lines.push(t("productChannels.notCompared", { dimensions: channel.notCompared.join(", ") }));
  if (channel.audienceSize === null) lines.push(t("productChannels.noSize"));
  return (
    <ul className="small">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function ProductChannelView({ report }: { report: Report }) {
  const { t } = useTranslation("segments");
  return (
    <section aria-label={t("productChannels.title")}>
      <h2>{t("productChannels.title")}</h2>
      <p className="muted small">{t("productChannels.intro")}</p>
      {report.channels === 0 || report.items.length === 0 ? (
        <p className="notice">{t("productChannels.empty")}</p>
      ) : (
        <div className="scroll-x">
          <table className="data small" aria-label={t("productChannels.table")}>
            <thead>
              <tr>
                <th>{t(`productChannels.target.${report.target}`)}</th>
                <th>{t("productChannels.rank")}</th>
                <th>{t("productChannels.channel")}</th>
                <th>{t("productChannels.expectedBuyers")}</th>
                <th>{t("productChannels.propensity")}</th>
                <th>{t("productChannels.audienceSize")}</th>
                <th>{t("productChannels.effectiveness")}</th>
                <th>{t("productChannels.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.flatMap((item) =>
                item.channels.slice(0, CHANNELS_SHOWN).map((channel, rank) => (
                  <tr key={`${item.item}:${channel.channelId}`}>
                    <td>
                      {rank === 0
                        ? t("productChannels.itemLabel", {
                            label: item.label,
                            buyers: formatInteger(item.buyers),
                          })
                        : ""}
                    </td>
                    <td>{formatInteger(rank + 1)}</td>
                    <td>{channel.name}</td>
                    <td>
                      <strong>
                        {channel.expectedBuyers === null
                          ? "–"
                          : formatInteger(Math.round(channel.expectedBuyers))}
                      </strong>
                    </td>
                    <td>{formatPercent(channel.propensity)}</td>
                    <td>
                      {channel.audienceSize === null ? "–" : formatInteger(channel.audienceSize)}
                    </td>
                    <td>{formatDecimal(channel.effectiveness)}</td>
                    <td>
                      <Reasons channel={channel} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

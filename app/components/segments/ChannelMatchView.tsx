import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { HeatMap } from "~/components/charts/HeatMap";
import { ScatterChart } from "~/components/charts/ScatterChart";
import { humanLabel } from "~/components/labels";
import { formatDay, formatInteger } from "~/format";
import type { ChannelMatch, matchChannels } from "~/segments/match-channels.server";
import { channelMatchText } from "./channel-reasons";
import { HowComputed } from "./HowComputed";
import { formatDecimal } from "./numbers";
import { labelOf } from "./run-results";

type ChannelReport = ReturnType<typeof matchChannels>;
type SegmentMatch = ChannelReport["segments"][number];

/** Channels per segment in the summary, and in each segment's table behind the toggle. */
const SUMMARY_CHANNELS = 3;
const TABLE_CHANNELS = 8;

/** A stored result from before the affinity index has no index: show "—". */
const indexText = (index: number | undefined) =>
  index === undefined || !Number.isFinite(index) ? "—" : formatInteger(Math.round(index));

function useText(currency: string | null) {
  const { t } = useTranslation("channelmatch");
  return (text: string) => channelMatchText(t, text, currency);
}

/** The first lines: each segment's top channels with their index and the main reason. */
function SegmentSummary({
  entry,
  label,
  currency,
}: {
  entry: SegmentMatch;
  label: string;
  currency: string | null;
}) {
  const { t } = useTranslation("channelmatch");
  const text = useText(currency);
  return (
    <section className="card" aria-label={t("summary.segment", { segment: label })}>
      <h3 style={{ marginTop: 0 }}>
        {label}{" "}
        <span className="muted small">{t("summary.customers", { count: entry.customers })}</span>
      </h3>
      {(entry.notes ?? []).map((note) => (
        <p key={note} className="muted small">
          {text(note)}
        </p>
      ))}
      <table className="data small">
        <thead>
          <tr>
            <th>{t("details.rank")}</th>
            <th>{t("details.channel")}</th>
            <th>{t("details.index")}</th>
            <th>{t("details.why")}</th>
          </tr>
        </thead>
        <tbody>
          {entry.channels.slice(0, SUMMARY_CHANNELS).map((c, rank) => (
            <tr key={c.channel}>
              <td>{rank + 1}</td>
              <td>
                <strong>{c.channel}</strong>
              </td>
              <td>{indexText(c.index)}</td>
              <td>
                <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                  {c.reasons.map((reason) => (
                    <li key={reason}>{text(reason)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function basisOf(c: ChannelMatch): string {
  return c.effectiveness.source === "segment" ? "segment" : c.effectiveness.basis;
}

/** Behind the toggle: a segment's channels with every figure and reason. */
function SegmentTable({
  entry,
  label,
  currency,
}: {
  entry: SegmentMatch;
  label: string;
  currency: string | null;
}) {
  const { t } = useTranslation("channelmatch");
  const text = useText(currency);
  return (
    <section className="card" aria-label={t("details.table", { segment: label })}>
      <h3 style={{ marginTop: 0 }}>{t("details.table", { segment: label })}</h3>
      <div className="scroll-x">
        <table className="data small">
          <thead>
            <tr>
              <th>{t("details.rank")}</th>
              <th>{t("details.channel")}</th>
              <th>{t("details.score")}</th>
              <th>{t("details.index")}</th>
              <th>{t("details.similarity")}</th>
              <th>{t("details.effectiveness")}</th>
              <th>{t("details.why")}</th>
            </tr>
          </thead>
          <tbody>
            {entry.channels.slice(0, TABLE_CHANNELS).map((c, rank) => (
              <tr key={c.channel}>
                <td>{rank + 1}</td>
                <td>{c.channel}</td>
                <td>
                  <strong>{formatDecimal(c.score, 3)}</strong>
                </td>
                <td>
                  {indexText(c.index)}
                  <div className="muted">
                    {(c.index_dimensions ?? [])
                      .map((d) => `${humanLabel(d.dimension)} ${indexText(d.index)}`)
                      .join(" · ")}
                  </div>
                </td>
                <td>
                  {formatDecimal(c.similarity, 3)}
                  <div className="muted">
                    {c.dimensions
                      .map((d) => `${humanLabel(d.dimension)} ${formatDecimal(d.similarity)}`)
                      .join(" · ")}
                  </div>
                </td>
                <td>
                  {formatDecimal(c.effectiveness.value, 3)}
                  <div className="muted">{t(`basis.${basisOf(c)}`)}</div>
                </td>
                <td>
                  <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                    {c.reasons.map((reason) => (
                      <li key={reason}>{text(reason)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The channel match of a run: the diagnosis when the audiences cannot tell the segments
 * apart, each segment's top channels with index and reason, and the details (heat map of
 * scores, fit against effectiveness, every channel's figures) behind a toggle.
 */
export function ChannelMatchView({
  match,
  labels,
  dataPath,
  currency,
}: {
  match: ChannelReport;
  labels: Record<string, string>;
  dataPath: string;
  /** The reporting currency, in which campaign costs are shown (see channel-reasons.ts). */
  currency: string | null;
}) {
  const { t } = useTranslation("channelmatch");
  const text = useText(currency);
  if (match.channels === 0) {
    return (
      <p className="notice">
        <Trans t={t} i18nKey="empty" components={{ link: <Link to={dataPath} /> }} />
      </p>
    );
  }
  const channelNames = [
    ...new Set(match.segments.flatMap((s) => s.channels.map((c) => c.channel))),
  ].sort();
  const heat = match.segments.map((s) => ({
    id: labelOf(labels, s.segment),
    data: channelNames.map((name) => ({
      x: name,
      y: s.channels.find((c) => c.channel === name)?.score ?? null,
    })),
  }));
  const scatter = match.segments.map((s) => ({
    id: labelOf(labels, s.segment),
    data: s.channels.map((c) => ({
      x: c.similarity,
      y: c.effectiveness.value,
      label: t("details.scatterLabel", {
        channel: c.channel,
        score: formatDecimal(c.score, 3),
        index: indexText(c.index),
      }),
    })),
  }));
  const unmatched = Object.entries(match.interest_mapping).filter(
    ([, interest]) => interest === null,
  );
  const diagnosis = match.diagnosis?.messages ?? [];
  const segmentChannels = match.segment_result_channels ?? [];
  // Reports stored before campaign rows per segment were read have no such list.
  const campaignChannels = new Set(match.segment_campaign_channels ?? []);
  const responseChannels = segmentChannels.filter((c) => !campaignChannels.has(c));
  // Nothing tells the segments apart and nothing splits effectiveness: one list says it all.
  const sameForAll = diagnosis.length > 0 && match.effectiveness_source !== "segment";
  const firstSegment = match.segments[0];
  return (
    <>
      <p className="muted small">
        {t("meta", { count: match.channels, date: formatDay(match.reference_date) })}
        {match.excluded_without_consent > 0
          ? ` · ${t("excluded", { count: match.excluded_without_consent })}`
          : null}
      </p>
      {diagnosis.length > 0 ? (
        <section className="notice warning" aria-label={t("diagnosis.title")}>
          <h2 style={{ marginTop: 0 }}>{t("diagnosis.title")}</h2>
          <ul>
            {diagnosis.map((line) => (
              <li key={line}>{text(line)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted small">
        {t("indexMeaning")}{" "}
        {match.effectiveness_source === "segment"
          ? [
              responseChannels.length > 0
                ? t("effectiveness.segment", { channels: responseChannels.join(", ") })
                : null,
              campaignChannels.size > 0
                ? t("effectiveness.segmentCampaigns", {
                    channels: [...campaignChannels].join(", "),
                  })
                : null,
              segmentChannels.length < match.channels ? t("effectiveness.others") : null,
            ]
              .filter((sentence) => sentence !== null)
              .join(" ")
          : t("effectiveness.channel")}
      </p>
      <h2>{t("summary.title")}</h2>
      <div
        style={{
          display: "grid",
          gap: "1rem",
          gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 32rem), 1fr))",
        }}
      >
        {sameForAll && firstSegment ? (
          <SegmentSummary
            entry={{
              ...firstSegment,
              notes: [],
              customers: match.segments.reduce((sum, s) => sum + s.customers, 0),
            }}
            label={t("summary.everySegment")}
            currency={currency}
          />
        ) : (
          match.segments.map((entry) => (
            <SegmentSummary
              key={entry.segment}
              entry={entry}
              label={labelOf(labels, entry.segment)}
              currency={currency}
            />
          ))
        )}
      </div>
      <details className="card" style={{ marginTop: "1.5rem" }}>
        <summary>{t("details.toggle")}</summary>
        <h2>{t("details.heatMap")}</h2>
        <HeatMap
          rows={heat}
          height={Math.max(220, 44 * heat.length + 100)}
          valueFormat={(v) => formatDecimal(v)}
        />
        <h2>{t("details.scatter")}</h2>
        <p className="muted small">{t("details.scatterNote")}</p>
        <ScatterChart
          series={scatter}
          xLegend={t("details.xLegend")}
          yLegend={t("details.yLegend")}
          height={360}
        />
        <div style={{ display: "grid", gap: "1rem" }}>
          {match.segments.map((entry) => (
            <SegmentTable
              key={entry.segment}
              entry={entry}
              label={labelOf(labels, entry.segment)}
              currency={currency}
            />
          ))}
        </div>
      </details>
      {unmatched.length > 0 ? (
        <p className="muted small">
          {t("unmatched", { categories: unmatched.map(([c]) => c).join(", ") })}
        </p>
      ) : null}
      <HowComputed sections={t("how.sections")}>
        <pre className="mono">{t("how.formula")}</pre>
        <p>{t("how.effectiveness")}</p>
        <p>{t("how.interests")}</p>
      </HowComputed>
    </>
  );
}

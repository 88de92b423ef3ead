import { Link } from "@remix-run/react";
import { HeatMap } from "~/components/charts/HeatMap";
import { ScatterChart } from "~/components/charts/ScatterChart";
import { humanLabel } from "~/components/labels";
import { formatInteger } from "~/format";
import type { matchChannels } from "~/segments/match-channels.server";
import { readableReason, withCurrency } from "./channel-reasons";
import { ChannelFormulas } from "./HowComputed";
import { formatDecimal } from "./numbers";
import { labelOf } from "./run-results";

type ChannelReport = ReturnType<typeof matchChannels>;
type SegmentMatch = ChannelReport["segments"][number];

const TOP_CHANNELS = 5;

const basisLabels: Record<string, string> = {
  campaigns: "past campaigns",
  traffic: "traffic",
  none: "no data (neutral 0.5)",
};

function SegmentChannels({
  entry,
  label,
  currency,
}: {
  entry: SegmentMatch;
  label: string;
  /** The reporting currency, in which campaign costs are shown (see withCurrency). */
  currency: string | null;
}) {
  return (
    <section className="card" aria-label={`Channels for ${label}`}>
      <h3 style={{ marginTop: 0 }}>
        {label} <span className="muted small">{formatInteger(entry.customers)} customers</span>
      </h3>
      <table className="data small">
        <thead>
          <tr>
            <th>#</th>
            <th>Channel</th>
            <th>Score</th>
            <th>Similarity</th>
            <th>Effectiveness</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {entry.channels.slice(0, TOP_CHANNELS).map((c, rank) => (
            <tr key={c.channel}>
              <td>{rank + 1}</td>
              <td>{c.channel}</td>
              <td>
                <strong>{formatDecimal(c.score, 3)}</strong>
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
                <div className="muted">
                  {basisLabels[c.effectiveness.basis] ?? c.effectiveness.basis}
                </div>
              </td>
              <td>
                <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                  {c.reasons.map((reason) => (
                    <li key={reason}>{withCurrency(readableReason(reason), currency)}</li>
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

/** Heat map of scores, fit against effectiveness, and the ranked channels per segment. */
export function ChannelMatchView({
  match,
  labels,
  dataPath,
  currency,
}: {
  match: ChannelReport;
  labels: Record<string, string>;
  dataPath: string;
  currency: string | null;
}) {
  if (match.channels === 0) {
    return (
      <p className="notice">
        No channel audiences yet. Upload a channel audiences CSV (age bands, gender, interests,
        traffic) on the <Link to={dataPath}>Data page</Link> to match segments with channels.
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
      label: `${c.channel}: score ${formatDecimal(c.score, 3)}`,
    })),
  }));
  const unmatched = Object.entries(match.interest_mapping).filter(
    ([, interest]) => interest === null,
  );
  return (
    <>
      <p className="muted small">
        {formatInteger(match.channels)} channels · segment ages at {match.reference_date}
        {match.excluded_without_consent > 0
          ? ` · ${formatInteger(match.excluded_without_consent)} members who may no longer be analysed (no consent or objected since the run) are left out`
          : ""}
      </p>
      <h2>Score by segment and channel</h2>
      <HeatMap
        rows={heat}
        height={Math.max(220, 44 * heat.length + 100)}
        valueFormat={(v) => formatDecimal(v)}
      />
      <h2>Audience fit against effectiveness</h2>
      <p className="muted small">One dot per segment and channel; up and to the right is better.</p>
      <ScatterChart
        series={scatter}
        xLegend="similarity of audiences"
        yLegend="effectiveness"
        height={360}
      />
      <h2>Top channels per segment</h2>
      <div style={{ display: "grid", gap: "1rem" }}>
        {match.segments.map((entry) => (
          <SegmentChannels
            key={entry.segment}
            entry={entry}
            label={labelOf(labels, entry.segment)}
            currency={currency}
          />
        ))}
      </div>
      {unmatched.length > 0 ? (
        <p className="muted small">
          Categories that match no channel interest (not compared):{" "}
          {unmatched.map(([c]) => c).join(", ")}.
        </p>
      ) : null}
      <ChannelFormulas />
    </>
  );
}

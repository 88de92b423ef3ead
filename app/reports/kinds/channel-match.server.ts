/**
 * The "channel-match" report: a segment run's Channels tab (segment × channel scores and
 * effectiveness). Segment sizes and profiles are aggregates: shareable.
 */
import { type ChannelMatchPage, channelMatchPage } from "~/segments/channel-match-page.server";
import type { ReportKind } from "./report-kind.server";
import {
  forFinishedRun,
  isMissingRun,
  type MissingRun,
  runParams,
} from "./segment-run-params.server";

export const channelMatchReport: ReportKind<ChannelMatchPage | MissingRun> = {
  page: "segments/:run/channels",
  params: runParams(),
  personal: false,
  dateRange: null,
  build: (scope, params) => forFinishedRun(scope, params, (run) => channelMatchPage(scope, run)),
  tables: (data) =>
    isMissingRun(data)
      ? []
      : [
          {
            name: "channel-match",
            columns: [
              "segment",
              "segment_customers",
              "channel",
              "score",
              "index",
              "similarity",
              "kl_total",
              "effectiveness_basis",
              "effectiveness_source",
              "effectiveness",
              "cost_per_conversion",
              "roi",
            ],
            rows: data.match.segments.flatMap((s) =>
              s.channels.map((c) => [
                data.labels[s.segment] ?? s.segment,
                s.customers,
                c.channel,
                c.score,
                // A report saved before the affinity index has none.
                c.index ?? null,
                c.similarity,
                c.kl_total,
                c.effectiveness.basis,
                c.effectiveness.source ?? "channel",
                c.effectiveness.value,
                c.effectiveness.cost_per_conversion ?? null,
                c.effectiveness.roi ?? null,
              ]),
            ),
          },
        ],
};

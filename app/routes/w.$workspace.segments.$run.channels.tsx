import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChannelMatchView } from "~/components/segments/ChannelMatchView";
import { finishedRunOf } from "~/components/segments/run-access.server";
import { segmentLabels } from "~/components/segments/run-results";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { getDb } from "~/db.server";
import { matchChannels } from "~/segments/match-channels.server";
import { requireWorkspace } from "~/workspace.server";

/** Segment × channel: how well each channel's audience fits each segment, and how well it worked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = finishedRunOf(access, params.run);
  return {
    match: matchChannels(getDb(), access.workspace.id, run.id),
    labels: segmentLabels(run),
    dataPath: `/w/${access.workspace.slug}/data`,
    // Campaign files have no currency column: their spend is shown in the currency of the
    // workspace's sales (customers/reporting-currency.server.ts).
    money: reportingCurrency(access.scope),
  };
}

export default function SegmentChannelsPage() {
  const { match, labels, dataPath, money } = useLoaderData<typeof loader>();
  return (
    <ChannelMatchView match={match} labels={labels} dataPath={dataPath} currency={money.currency} />
  );
}

/**
 * A segment run's Channels tab. The page passes `interactive`; a saved report renders the same
 * view read-only (no link to the Data page outside the workspace).
 */
import type { SerializeFrom } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as workspaceLoader } from "~/routes/w.$workspace";
import type { ChannelMatchPage } from "~/segments/channel-match-page.server";
import { ChannelMatchView } from "./ChannelMatchView";

type Data = SerializeFrom<ChannelMatchPage>;

export function SegmentChannelsView({ data }: { data: Data; interactive: boolean }) {
  const workspace = useRouteLoaderData<typeof workspaceLoader>("routes/w.$workspace");
  const dataPath = workspace ? `/w/${workspace.workspace.slug}/data` : "/";
  return (
    <ChannelMatchView
      match={data.match as Parameters<typeof ChannelMatchView>[0]["match"]}
      labels={data.labels}
      dataPath={dataPath}
      currency={data.money.currency}
    />
  );
}

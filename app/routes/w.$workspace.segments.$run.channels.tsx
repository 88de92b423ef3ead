import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { finishedRunOf } from "~/components/segments/run-access.server";
import { SegmentChannelsView } from "~/components/segments/SegmentChannelsView";
import { channelMatchPage } from "~/segments/channel-match-page.server";
import { requireWorkspace } from "~/workspace.server";

/** Segment × channel: how well each channel's audience fits each segment, and how well it worked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  return channelMatchPage(access.scope, finishedRunOf(access, params.run));
}

export default function SegmentChannelsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <SegmentChannelsView data={data} interactive />
      <SaveReportForm kind="channel-match" params={{ run: String(data.runId) }} />
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { SegmentChannelsView } from "~/components/segments/SegmentChannelsView";
import { ComputingNotice, StaleNotice } from "~/components/segments/StoredViewNotice";
import { storedChannelMatchPage } from "~/segments/channel-match-page.server";
import { finishedRunOf } from "~/segments/run-access.server";
import { requireWorkspace } from "~/workspace.server";

/**
 * Segment × channel: how well each channel's audience fits each segment, and how well it
 * worked. Read from what the queue stored with the run (segments/run-views.server.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  return storedChannelMatchPage(access.scope, finishedRunOf(access, params.run));
}

export default function SegmentChannelsPage() {
  const data = useLoaderData<typeof loader>();
  if (data.state === "computing") return <ComputingNotice />;
  return (
    <>
      <StaleNotice stale={data.stale} />
      <SegmentChannelsView data={data} interactive />
      <SaveReportForm kind="channel-match" params={{ run: String(data.runId) }} />
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { ChannelsView } from "~/components/scraping/ChannelsView";
import { channelsPage } from "~/scraping/channels-page.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  return channelsPage(scope, new URL(request.url).searchParams.getAll("compare"));
}

export default function ChannelsRoute() {
  return (
    <>
      <ChannelsView data={useLoaderData<typeof loader>()} interactive />
      <SaveReportForm kind="channels" />
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { campaignRoiPage } from "~/campaigns/campaign-roi-page.server";
import { CampaignRoiView } from "~/components/campaigns/CampaignRoiView";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  return campaignRoiPage(scope, Object.fromEntries(new URL(request.url).searchParams));
}

export default function CampaignsPage() {
  return (
    <>
      <CampaignRoiView data={useLoaderData<typeof loader>()} interactive />
      <SaveReportForm kind="campaign-roi" />
    </>
  );
}

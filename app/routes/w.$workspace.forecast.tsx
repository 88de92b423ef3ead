import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { forecastPage } from "~/campaigns/forecast-page.server";
import { ForecastView } from "~/components/forecast/ForecastView";
import { OfferCostPanel } from "~/components/forecast/OfferCostPanel";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { offerCostPanel } from "~/offers/offer-cost-page.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  const query = new URL(request.url).searchParams;
  return { page: forecastPage(scope, query), offer: offerCostPanel(scope, query) };
}

export default function ForecastRoute() {
  const { page, offer } = useLoaderData<typeof loader>();
  return (
    <>
      <ForecastView data={page} interactive />
      {page.channels.length > 0 ? <SaveReportForm kind="forecast" /> : null}
      <OfferCostPanel {...offer} />
    </>
  );
}

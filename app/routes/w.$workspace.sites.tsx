import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import { SitesView } from "~/components/scraping/SitesView";
import { sitesPage } from "~/scraping/sites-page.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireWorkspace(request, params);
  return sitesPage(scope, new URL(request.url).searchParams.getAll("site"));
}

export default function SitesRoute() {
  return (
    <>
      <SitesView data={useLoaderData<typeof loader>()} interactive />
      <SaveReportForm kind="sites" />
    </>
  );
}

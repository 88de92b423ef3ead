import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReportPageView } from "~/components/reports/ReportPageView";
import { reportPage } from "~/reports/report-page.server";
import { requireWorkspace, roleAllows } from "~/workspace.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.title} · Channelscope` : "Report · Channelscope" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  return { ...reportPage(access, params.report), canEdit: roleAllows(access.role, "editor") };
}

export default function ReportPage() {
  return <ReportPageView {...useLoaderData<typeof loader>()} />;
}

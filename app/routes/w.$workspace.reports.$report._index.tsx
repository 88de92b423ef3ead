import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReportPageView } from "~/components/reports/ReportPageView";
import { metaT } from "~/i18n/meta-t";
import { reportPage } from "~/reports/report-page.server";
import { requireWorkspace, roleAllows } from "~/workspace.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  const page = data ? data.report.title : t("common:titles.report");
  return [{ title: t("common:titles.page", { page }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  return { ...reportPage(access, params.report), canEdit: roleAllows(access.role, "editor") };
}

export default function ReportPage() {
  return <ReportPageView {...useLoaderData<typeof loader>()} />;
}

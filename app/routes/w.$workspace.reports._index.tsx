import type { LoaderFunctionArgs } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { sectionByPath } from "~/navigation";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireWorkspace(request, params);
  return null;
}

export default function ReportsPage() {
  return <ComingSoon section={sectionByPath("reports")} />;
}

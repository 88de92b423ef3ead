/** `/s/` without a token: the same answer as any link that does not open. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { SharedLinkInvalid } from "~/components/sharing/SharedLinkInvalid";
import { invalidLink, shareLocale } from "~/sharing/shared-report.server";

export async function loader({ request }: LoaderFunctionArgs): Promise<never> {
  throw invalidLink(await shareLocale(request));
}

export default function NoToken() {
  return null;
}

export function ErrorBoundary() {
  return <SharedLinkInvalid />;
}

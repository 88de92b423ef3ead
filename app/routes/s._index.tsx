/** `/s/` without a token: the same answer as any link that does not open. */
import { SharedLinkInvalid } from "~/components/sharing/SharedLinkInvalid";
import { invalidLink } from "~/sharing/shared-report.server";

export function loader(): never {
  throw invalidLink();
}

export default function NoToken() {
  return null;
}

export function ErrorBoundary() {
  return <SharedLinkInvalid />;
}

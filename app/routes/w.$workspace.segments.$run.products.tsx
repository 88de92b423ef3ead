import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SaveReportForm } from "~/components/reports/SaveReportForm";
import {
  type ChannelPropensityResult,
  ChannelPropensityView,
} from "~/components/segments/ChannelPropensityView";
import { SegmentProductsView } from "~/components/segments/SegmentProductsView";
import { ComputingNotice, StaleNotice } from "~/components/segments/StoredViewNotice";
import { scoreChannelUsers } from "~/segments/channel-propensity.server";
import { CHANNEL_USERS_MAX_BYTES } from "~/segments/channel-users-csv";
import { SegmentInputError } from "~/segments/errors";
import { storedProductMatchPage } from "~/segments/product-match-page.server";
import { finishedRunOf } from "~/segments/run-access.server";
import { runReferenceDate } from "~/segments/segment-members.server";
import { requireWorkspace } from "~/workspace.server";

/** Read from what the queue stored for these thresholds (segments/run-views.server.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const run = finishedRunOf(access, params.run);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return {
    page: storedProductMatchPage(access.scope, run, query),
    canEdit: access.role !== "viewer",
  };
}

/** Scores an uploaded list of channel users (docs/analytics.md §10). */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const run = finishedRunOf(access, params.run);
  const fail = (error: string) => data<ChannelPropensityResult>({ error }, { status: 400 });
  try {
    const form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: CHANNEL_USERS_MAX_BYTES }),
    );
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return fail("Choose a CSV of channel users");
    const target = form.get("target") === "product" ? "product" : "category";
    const propensity = scoreChannelUsers(access.scope, new Uint8Array(await file.arrayBuffer()), {
      target,
      referenceDate: runReferenceDate(run),
    });
    return data<ChannelPropensityResult>({ propensity });
  } catch (error) {
    if (error instanceof SegmentInputError) return fail(error.message);
    if (error instanceof Error && /exceeded upload size/i.test(error.message))
      return fail(`The file is larger than ${CHANNEL_USERS_MAX_BYTES / 1024 / 1024} MB`);
    throw error;
  }
}

export default function SegmentProductsPage() {
  const { page, canEdit } = useLoaderData<typeof loader>();
  const propensity = useActionData<typeof action>() as ChannelPropensityResult | undefined;
  return (
    <>
      {page.state === "computing" ? (
        <ComputingNotice />
      ) : (
        <>
          <StaleNotice stale={page.stale} />
          <SegmentProductsView data={page} interactive />
        </>
      )}
      <SaveReportForm kind="product-match" params={{ run: String(page.runId) }} />
      <ChannelPropensityView canEdit={canEdit} result={propensity} />
    </>
  );
}

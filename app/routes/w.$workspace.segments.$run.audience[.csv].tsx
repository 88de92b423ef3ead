import { type ActionFunctionArgs, data } from "@remix-run/node";
import { audit } from "~/audit.server";
import { AudienceExportSchema, audienceRequestOf } from "~/components/segments/audience-form";
import { predictedValuesOf } from "~/customers/value-of-customers.server";
import { parseForm } from "~/forms.server";
import { buildAudienceFromSegment } from "~/segments/audience.server";
import { audienceCsv } from "~/segments/audience-csv";
import { SegmentInputError } from "~/segments/errors";
import { finishedRunOf } from "~/segments/run-access.server";
import { csvFileName, csvResponse } from "~/segments/segment-csv.server";
import { requireWorkspace } from "~/workspace.server";

/**
 * The audience as a CSV for the SMS or e-mail tool. A POST, because ticking "record these
 * contacts" writes them to audience_contacts (so the next audience respects the weekly cap).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const run = finishedRunOf(access, params.run);
  const parsed = parseForm(await request.formData(), AudienceExportSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const choice = parsed.data;
  try {
    const audience = buildAudienceFromSegment(
      access.scope,
      audienceRequestOf(run.id, choice, {
        record: choice.record,
        audienceName: choice.audienceName,
      }),
    );
    audit({
      workspaceId: access.workspace.id,
      actorUserId: access.user.id,
      action: "segments.audience_exported",
      target: `analysis_run:${run.id}`,
      details: {
        channel: choice.channel,
        members: audience.members.length,
        recorded: audience.recorded,
      },
    });
    const predicted = predictedValuesOf(
      access.scope,
      audience.members.map((m) => m.customer_id),
    );
    return csvResponse(
      audienceCsv(audience, predicted?.values),
      csvFileName("audience", run.id, choice.segment, choice.channel),
    );
  } catch (error) {
    if (error instanceof SegmentInputError)
      return data({ errors: { segment: error.message } }, { status: 400 });
    throw error;
  }
}

import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { BASIS_LABELS, processingBases } from "~/customers/analysable.server";
import { parseForm } from "~/forms.server";
import {
  deleteWorkspace,
  ProcessingBasisSchema,
  requireWorkspace,
  setProcessingBasis,
} from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspace(request, params, "owner");
  return {
    workspace: {
      slug: workspace.slug,
      name: workspace.name,
      timeZone: workspace.timeZone,
      processingBasis: workspace.processingBasis,
    },
    bases: processingBases.map((value) => ({ value, label: BASIS_LABELS[value] })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "owner");
  const schema = z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("basis"), basis: ProcessingBasisSchema }),
    z.object({
      intent: z.literal("delete"),
      confirm: z.literal(access.workspace.slug, {
        message: `Type ${access.workspace.slug} to confirm`,
      }),
    }),
  ]);
  const form = parseForm(await request.formData(), schema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  if (form.data.intent === "basis") {
    setProcessingBasis(access.workspace.id, form.data.basis, access.user.id);
    return redirect(`/w/${access.workspace.slug}/settings?saved=basis`);
  }
  deleteWorkspace(access);
  return redirect("/w");
}

export default function Settings() {
  const { workspace, bases } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <>
      <h1>Settings</h1>
      <p>
        Address <code>/w/{workspace.slug}</code> · time zone {workspace.timeZone}
      </p>
      <h2 id="processing-basis">Legal basis for analytics</h2>
      <p className="muted">
        Which customers RFM, clustering, channel matching and propensity may analyse. Under consent,
        only customers whose data-processing consent is recorded as yes. Under legitimate interest
        or performance of a contract (KVKK art. 5/2, GDPR art. 6(1)), every customer except those
        who objected: an explicit "no" in a consent or objection column, or an objection recorded on
        the customer page.
      </p>
      <p className="notice">
        The basis changes who is analysed, never who is contacted: audiences and contact exports
        always need the customer's data-processing consent and their consent for the channel (SMS or
        e-mail), whatever is chosen here.
      </p>
      {search.get("saved") === "basis" ? (
        <p className="notice" role="status">
          Saved. The change is in the audit log, and the RFM segments are being computed again.
        </p>
      ) : null}
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="basis" />
        <fieldset>
          <legend>Analyse customers by</legend>
          {bases.map((basis) => (
            <label key={basis.value} className="row" style={{ fontWeight: 400 }}>
              <input
                type="radio"
                name="basis"
                value={basis.value}
                defaultChecked={basis.value === workspace.processingBasis}
              />{" "}
              {basis.label}
            </label>
          ))}
        </fieldset>
        {errors.basis ? (
          <p className="form-error" role="alert">
            {errors.basis}
          </p>
        ) : null}
        <button type="submit">Save legal basis</button>
      </Form>
      <h2>Delete this workspace</h2>
      <p className="muted">
        This removes the workspace and every dataset, report and share link in it.
      </p>
      <Form method="post" className="card row">
        <input type="hidden" name="intent" value="delete" />
        <Field
          label={`Type ${workspace.slug} to confirm`}
          name="confirm"
          error={errors.confirm}
          required
        />
        <button type="submit" className="danger">
          Delete workspace
        </button>
      </Form>
    </>
  );
}

import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { parseForm } from "~/forms.server";
import { deleteWorkspace, requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspace(request, params, "owner");
  return {
    workspace: { slug: workspace.slug, name: workspace.name, timeZone: workspace.timeZone },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "owner");
  const schema = z.object({
    intent: z.literal("delete"),
    confirm: z.literal(access.workspace.slug, {
      message: `Type ${access.workspace.slug} to confirm`,
    }),
  });
  const form = parseForm(await request.formData(), schema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  deleteWorkspace(access);
  return redirect("/w");
}

export default function Settings() {
  const { workspace } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <>
      <h1>Settings</h1>
      <p>
        Address <code>/w/{workspace.slug}</code> · time zone {workspace.timeZone}
      </p>
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

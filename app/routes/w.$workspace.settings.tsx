import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { Field } from "~/components/Field";
import { processingBases } from "~/customers/analysable.server";
import { parseForm } from "~/forms.server";
import { message, useMessage } from "~/i18n/message";
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
    bases: processingBases.map((value) => ({ value })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "owner");
  const schema = z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("basis"), basis: ProcessingBasisSchema }),
    z.object({
      intent: z.literal("delete"),
      confirm: z.literal(access.workspace.slug, {
        message: message("workspace:settings.typeToConfirm", { slug: access.workspace.slug }),
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
  const { t } = useTranslation("workspace");
  const translate = useMessage();
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <p>
        <Trans
          t={t}
          i18nKey="settings.address"
          values={{ slug: workspace.slug, timeZone: workspace.timeZone }}
          components={{ code: <code /> }}
        />
      </p>
      <h2 id="processing-basis">{t("settings.basisTitle")}</h2>
      <p className="muted">{t("settings.basisIntro")}</p>
      <p className="notice warning">{t("settings.basisNotice")}</p>
      {search.get("saved") === "basis" ? (
        <p className="notice" role="status">
          {t("settings.saved")}
        </p>
      ) : null}
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="basis" />
        <fieldset>
          <legend>{t("settings.analyseBy")}</legend>
          {bases.map((basis) => (
            <label key={basis.value} className="row" style={{ fontWeight: 400 }}>
              <input
                type="radio"
                name="basis"
                value={basis.value}
                defaultChecked={basis.value === workspace.processingBasis}
              />{" "}
              {t(`settings.bases.${basis.value}`)}
            </label>
          ))}
        </fieldset>
        {errors.basis ? (
          <p className="form-error" role="alert">
            {translate(errors.basis)}
          </p>
        ) : null}
        <button type="submit">{t("settings.saveBasis")}</button>
      </Form>
      <h2>{t("settings.deleteTitle")}</h2>
      <p className="muted">{t("settings.deleteBody")}</p>
      <Form method="post" className="card row">
        <input type="hidden" name="intent" value="delete" />
        <Field
          label={t("settings.typeToConfirm", { slug: workspace.slug })}
          name="confirm"
          error={errors.confirm}
          required
        />
        <button type="submit" className="danger">
          {t("settings.delete")}
        </button>
      </Form>
    </>
  );
}

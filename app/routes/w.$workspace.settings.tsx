import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { Field } from "~/components/Field";
import { processingBases } from "~/customers/analysable.server";
import { derivedReportingCurrency } from "~/customers/reporting-currency.server";
import { parseForm } from "~/forms.server";
import { message, useMessage } from "~/i18n/message";
import { supportedTimeZones } from "~/time-zone";
import {
  deleteWorkspace,
  ProcessingBasisSchema,
  requireWorkspace,
  roleAllows,
  setProcessingBasis,
} from "~/workspace.server";
import { updateWorkspaceSettings, WorkspaceSettingsSchema } from "~/workspace-settings.server";

// Name, time zone and currency are configuration (editors and owners); the legal basis and
// deleting the workspace stay with owners.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, role, scope } = await requireWorkspace(request, params, "editor");
  return {
    workspace: {
      slug: workspace.slug,
      name: workspace.name,
      timeZone: workspace.timeZone,
      reportingCurrency: workspace.reportingCurrency,
      processingBasis: workspace.processingBasis,
    },
    isOwner: role === "owner",
    derivedCurrency: derivedReportingCurrency(scope).currency,
    timeZones: supportedTimeZones(),
    currencies: Intl.supportedValuesOf("currency"),
    bases: processingBases.map((value) => ({ value })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params, "editor");
  const schema = z.discriminatedUnion("intent", [
    WorkspaceSettingsSchema.extend({ intent: z.literal("general") }),
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
  if (form.data.intent === "general") {
    updateWorkspaceSettings(access.scope, access.user.id, form.data);
    return redirect(`/w/${access.workspace.slug}/settings?saved=general`);
  }
  if (!roleAllows(access.role, "owner")) {
    throw new Response("This needs the owner role", { status: 403, statusText: "Forbidden" });
  }
  if (form.data.intent === "basis") {
    setProcessingBasis(access.scope, form.data.basis, access.user.id);
    return redirect(`/w/${access.workspace.slug}/settings?saved=basis`);
  }
  deleteWorkspace(access);
  return redirect("/w");
}

export default function Settings() {
  const { workspace, isOwner, derivedCurrency, timeZones, currencies } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const { t, i18n } = useTranslation("workspace");
  const translate = useMessage();
  const currencyName = new Intl.DisplayNames(i18n.language, { type: "currency" });
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
      <h2 id="general">{t("settings.generalTitle")}</h2>
      {search.get("saved") === "general" ? (
        <p className="notice" role="status">
          {t("settings.generalSaved")}
        </p>
      ) : null}
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="general" />
        <Field
          label={t("settings.name")}
          name="name"
          defaultValue={workspace.name}
          error={errors.name}
          maxLength={100}
          required
        />
        <label>
          {t("settings.timeZone")}
          <select
            name="timeZone"
            defaultValue={workspace.timeZone}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby="timeZone-help"
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <span className="muted small" id="timeZone-help">
            {t("settings.timeZoneHelp")}
          </span>
          {errors.timeZone ? (
            <span className="field-error">{translate(errors.timeZone)}</span>
          ) : null}
        </label>
        <label>
          {t("settings.currency")}
          <select
            name="reportingCurrency"
            defaultValue={workspace.reportingCurrency ?? ""}
            aria-invalid={errors.reportingCurrency ? true : undefined}
            aria-describedby="currency-help"
          >
            <option value="">
              {derivedCurrency
                ? t("settings.currencyFromSales", { code: derivedCurrency })
                : t("settings.currencyFromSalesNone")}
            </option>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {`${code} · ${currencyName.of(code) ?? code}`}
              </option>
            ))}
          </select>
          <span className="muted small" id="currency-help">
            {t("settings.currencyHelp")}
          </span>
          {errors.reportingCurrency ? (
            <span className="field-error">{translate(errors.reportingCurrency)}</span>
          ) : null}
        </label>
        <button type="submit">{t("settings.saveGeneral")}</button>
      </Form>
      {isOwner ? <OwnerSettings /> : null}
    </>
  );
}

/** The legal basis and deleting the workspace: owners only. */
function OwnerSettings() {
  const { workspace, bases } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const { t } = useTranslation("workspace");
  const translate = useMessage();
  return (
    <>
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

import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CurrencyNote } from "~/components/CurrencyNote";
import { useRevalidateWhile } from "~/components/live";
import { ValueExcludedNote } from "~/components/value/ExcludedNote";
import { FeatureImportance } from "~/components/value/FeatureImportance";
import { ValueMetrics } from "~/components/value/ValueMetrics";
import { enqueueValueTraining } from "~/customers/value-models.server";
import { valuePage } from "~/customers/value-page.server";
import { formatDay, formatInteger } from "~/format";
import { parseForm } from "~/forms.server";
import { message, useMessage } from "~/i18n/message";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, role } = await requireWorkspace(request, params);
  return { ...valuePage(scope), canTrain: role !== "viewer" };
}

const TrainForm = z.object({
  horizon: z.coerce
    .number(message("value:train.horizonInvalid"))
    .int(message("value:train.horizonInvalid"))
    .min(7, message("value:train.horizonInvalid"))
    .max(365, message("value:train.horizonInvalid")),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, user } = await requireWorkspace(request, params, "editor");
  const parsed = parseForm(await request.formData(), TrainForm);
  if (!parsed.ok) return data({ error: parsed.errors.horizon ?? null }, { status: 400 });
  enqueueValueTraining(scope, parsed.data.horizon, user.id);
  return { error: null };
}

export default function ValuePage() {
  const { status, error, horizonDays, result, money, canTrain } = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const { t } = useTranslation("value");
  const translate = useMessage();
  const busy = status === "queued" || status === "running";
  useRevalidateWhile(busy);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { days: horizonDays })}</p>
      {canTrain ? (
        <Form method="post" className="row">
          <label>
            {t("train.horizon")}{" "}
            <input name="horizon" type="number" min={7} max={365} defaultValue={horizonDays} />
          </label>
          <button type="submit" disabled={busy}>
            {t("train.button")}
          </button>
          <span className="small muted">{t("train.horizonHint")}</span>
        </Form>
      ) : (
        <p className="small muted">{t("train.viewerHint")}</p>
      )}
      {submitted?.error ? <p className="error">{translate(submitted.error)}</p> : null}
      {status === "queued" ? <p>{t("train.queued")}</p> : null}
      {status === "running" ? <p>{t("train.running")}</p> : null}
      {status === "failed" ? <p className="error">{t("train.failed", { error })}</p> : null}
      {status === null ? <p>{t("train.never")}</p> : null}
      {result && !result.ok ? (
        <p className="notice warning" role="note" data-testid="value-failure">
          {t(`failure.${result.reason}`, { needed: result.needed })}
        </p>
      ) : null}
      {result?.ok ? (
        <>
          <p className="small">
            {t("split", {
              days: result.horizon_days,
              training: formatDay(result.training_cutoff),
              evaluation: formatDay(result.evaluation_cutoff),
              scoring: formatDay(result.scoring_cutoff),
              trainingCustomers: formatInteger(result.training_customers),
              evaluationCustomers: formatInteger(result.evaluation_customers),
            })}
          </p>
          <ValueExcludedNote count={result.excluded_customers} />
          <ValueMetrics result={result} currency={money.currency} />
          <CurrencyNote money={money} />
          <FeatureImportance importance={result.importance} />
        </>
      ) : null}
    </>
  );
}

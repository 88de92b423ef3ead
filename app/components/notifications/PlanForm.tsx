import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatInteger } from "~/format";
import { useMessage } from "~/i18n/message";
import { segmentName } from "../segments/segment-names";

export interface RunChoice {
  id: number;
  kind: string;
  createdAt: string | Date;
}

/**
 * Choose a run (a GET form, so its segments are listed), then a segment, the weekly cap
 * and the exploration share, and plan (POST; the plan is made on the queue).
 */
export function PlanForm(props: {
  runs: RunChoice[];
  runId: number | null;
  segments: { segment: string; customers: number }[];
  errors: Record<string, string | undefined>;
}) {
  const { runs, runId, segments, errors } = props;
  const { t } = useTranslation("notifications");
  const translate = useMessage();
  if (runs.length === 0) return <p className="muted">{t("form.noRuns")}</p>;
  const fieldError = (name: string) =>
    errors[name] ? (
      <span className="field-error" id={`${name}-error`}>
        {translate(errors[name])}
      </span>
    ) : null;
  return (
    <section className="card stack" aria-label={t("form.title")}>
      <h2>{t("form.title")}</h2>
      <Form method="get" className="row">
        <label>
          {t("form.run")}
          <select name="run" defaultValue={runId ?? undefined}>
            {runs.map((run) => (
              <option key={run.id} value={run.id}>
                {t("form.runOption", {
                  id: run.id,
                  kind: t(`form.kinds.${run.kind}`, { defaultValue: run.kind }),
                  date: formatDateTime(run.createdAt),
                })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          {t("form.showSegments")}
        </button>
      </Form>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="run" value={runId ?? ""} />
        {fieldError("run")}
        <label>
          {t("form.segment")}
          <select
            name="segment"
            aria-invalid={errors.segment ? true : undefined}
            aria-describedby={errors.segment ? "segment-error" : undefined}
          >
            {segments.map((s) => (
              <option key={s.segment} value={s.segment}>
                {t("form.segmentOption", {
                  name: segmentName(t, s.segment),
                  n: formatInteger(s.customers),
                })}
              </option>
            ))}
          </select>
          {fieldError("segment")}
        </label>
        <label>
          {t("form.cap")}
          <input
            name="cap"
            type="number"
            min={1}
            max={14}
            step={1}
            defaultValue={2}
            aria-invalid={errors.cap ? true : undefined}
            aria-describedby={errors.cap ? "cap-error" : undefined}
          />
          {fieldError("cap")}
        </label>
        <label>
          {t("form.explore")}
          <input
            name="explore"
            type="number"
            min={0}
            max={100}
            step="any"
            defaultValue={10}
            aria-invalid={errors.explore ? true : undefined}
            aria-describedby={errors.explore ? "explore-error" : undefined}
          />
          {fieldError("explore")}
        </label>
        {errors.form ? (
          <p className="form-error" role="alert">
            {translate(errors.form)}
          </p>
        ) : null}
        <div>
          <button type="submit">{t("form.submit")}</button>
        </div>
      </Form>
    </section>
  );
}

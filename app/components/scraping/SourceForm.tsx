import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/i18n/message";
import {
  ADAPTER_FIELDS,
  type ConfigField,
  CUSTOM_METRIC_ROWS,
  CUSTOM_VALUE_TYPES,
} from "~/scraping/adapter-fields";

export interface AdapterChoice {
  id: string;
  label: string;
}

type Values = Record<string, string>;

function ConfigInput({
  adapter,
  field,
  values,
  error,
}: {
  adapter: string;
  field: ConfigField;
  values: Values;
  error?: string;
}) {
  const { t } = useTranslation("scraping");
  const translate = useMessage();
  const id = `config-${field.name}`;
  const words = `configFields.${adapter}.${field.name}`;
  return (
    <label htmlFor={id}>
      {t(`${words}.label`, { defaultValue: field.label })}
      {field.kind === "select" ? (
        <select id={id} name={field.name} defaultValue={values[field.name] ?? field.options?.[0]}>
          {field.options?.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={field.name}
          type={field.kind === "number" ? "number" : "text"}
          placeholder={field.placeholder}
          defaultValue={values[field.name]}
          aria-invalid={error ? true : undefined}
        />
      )}
      {field.hint ? (
        <span className="muted small">
          {t(`${words}.hint`, { defaultValue: field.hint, site: field.placeholder })}
        </span>
      ) : null}
      {error ? <span className="form-error small">{translate(error)}</span> : null}
    </label>
  );
}

function MetricRows({ values }: { values: Values }) {
  const { t } = useTranslation("scraping");
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="small">{t("sourceForm.metricsLegend")}</legend>
      {Array.from({ length: CUSTOM_METRIC_ROWS }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of numbered rows
        <div className="row" key={i} style={{ marginBottom: "0.4rem" }}>
          <input
            name={`metric_name_${i}`}
            aria-label={t("sourceForm.metricName", { n: i + 1 })}
            placeholder={t("sourceForm.metricNamePlaceholder")}
            defaultValue={values[`metric_name_${i}`]}
          />
          <input
            name={`metric_selector_${i}`}
            aria-label={t("sourceForm.metricSelector", { n: i + 1 })}
            placeholder={t("sourceForm.selectorPlaceholder")}
            defaultValue={values[`metric_selector_${i}`]}
          />
          <select
            name={`metric_type_${i}`}
            aria-label={t("sourceForm.metricType", { n: i + 1 })}
            defaultValue={values[`metric_type_${i}`] ?? "integer"}
          >
            {CUSTOM_VALUE_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          <input
            name={`metric_attribute_${i}`}
            aria-label={t("sourceForm.metricAttribute", { n: i + 1 })}
            placeholder={t("sourceForm.attributePlaceholder")}
            defaultValue={values[`metric_attribute_${i}`]}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** Create a source: adapter, its settings, a schedule; "Test" reads the page without saving. */
export function SourceForm({
  adapters,
  timeZone,
  values = {},
  errors = {},
}: {
  adapters: AdapterChoice[];
  timeZone: string;
  values?: Values;
  errors?: Record<string, string>;
}) {
  const [adapter, setAdapter] = useState(values.adapter ?? adapters[0]?.id ?? "telegram");
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation("scraping");
  const translate = useMessage();
  return (
    <Form method="post" className="card stack" aria-label={t("sourceForm.label")}>
      <label>
        {t("sourceForm.adapter")}
        <select name="adapter" value={adapter} onChange={(e) => setAdapter(e.target.value)}>
          {adapters.map((a) => (
            <option key={a.id} value={a.id}>
              {t(`adapters.${a.id}`, { defaultValue: a.label })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("sourceForm.name")}
        <input
          name="name"
          defaultValue={values.name}
          placeholder={t("sourceForm.namePlaceholder")}
        />
        {errors.name ? <span className="form-error small">{translate(errors.name)}</span> : null}
      </label>
      {(ADAPTER_FIELDS[adapter] ?? []).map((field) => (
        <ConfigInput
          key={`${adapter}-${field.name}`}
          adapter={adapter}
          field={field}
          values={values}
          error={errors[field.name]}
        />
      ))}
      {adapter === "custom" ? <MetricRows values={values} /> : null}
      {errors.metrics || errors.config ? (
        <p className="form-error small">{translate(errors.metrics ?? errors.config)}</p>
      ) : null}
      <label>
        {t("sourceForm.schedule", { timeZone })}
        <input name="schedule" defaultValue={values.schedule ?? "*/15 * * * *"} />
        {errors.schedule ? (
          <span className="form-error small">{translate(errors.schedule)}</span>
        ) : null}
      </label>
      <div className="row">
        <button type="submit" name="intent" value="test" className="secondary" disabled={busy}>
          {t("sourceForm.test")}
        </button>
        <button type="submit" name="intent" value="create" disabled={busy}>
          {t("sourceForm.save")}
        </button>
      </div>
    </Form>
  );
}

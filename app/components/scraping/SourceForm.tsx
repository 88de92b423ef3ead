import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
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
  field,
  values,
  error,
}: {
  field: ConfigField;
  values: Values;
  error?: string;
}) {
  const id = `config-${field.name}`;
  return (
    <label htmlFor={id}>
      {field.label}
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
      {field.hint ? <span className="muted small">{field.hint}</span> : null}
      {error ? <span className="form-error small">{error}</span> : null}
    </label>
  );
}

function MetricRows({ values }: { values: Values }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="small">
        Metrics: a name, a CSS selector and what kind of value it holds
      </legend>
      {Array.from({ length: CUSTOM_METRIC_ROWS }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of numbered rows
        <div className="row" key={i} style={{ marginBottom: "0.4rem" }}>
          <input
            name={`metric_name_${i}`}
            aria-label={`Metric ${i + 1} name`}
            placeholder="followers"
            defaultValue={values[`metric_name_${i}`]}
          />
          <input
            name={`metric_selector_${i}`}
            aria-label={`Metric ${i + 1} selector`}
            placeholder="#followers"
            defaultValue={values[`metric_selector_${i}`]}
          />
          <select
            name={`metric_type_${i}`}
            aria-label={`Metric ${i + 1} type`}
            defaultValue={values[`metric_type_${i}`] ?? "integer"}
          >
            {CUSTOM_VALUE_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          <input
            name={`metric_attribute_${i}`}
            aria-label={`Metric ${i + 1} attribute`}
            placeholder="attribute (optional)"
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
  return (
    <Form method="post" className="card stack" aria-label="New source">
      <label>
        Adapter
        <select name="adapter" value={adapter} onChange={(e) => setAdapter(e.target.value)}>
          {adapters.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input name="name" defaultValue={values.name} placeholder="Acme news channel" />
        {errors.name ? <span className="form-error small">{errors.name}</span> : null}
      </label>
      {(ADAPTER_FIELDS[adapter] ?? []).map((field) => (
        <ConfigInput
          key={`${adapter}-${field.name}`}
          field={field}
          values={values}
          error={errors[field.name]}
        />
      ))}
      {adapter === "custom" ? <MetricRows values={values} /> : null}
      {errors.metrics || errors.config ? (
        <p className="form-error small">{errors.metrics ?? errors.config}</p>
      ) : null}
      <label>
        Schedule (cron: minute hour day month weekday, in {timeZone})
        <input name="schedule" defaultValue={values.schedule ?? "*/15 * * * *"} />
        {errors.schedule ? <span className="form-error small">{errors.schedule}</span> : null}
      </label>
      <div className="row">
        <button type="submit" name="intent" value="test" className="secondary" disabled={busy}>
          Test
        </button>
        <button type="submit" name="intent" value="create" disabled={busy}>
          Save source
        </button>
      </div>
    </Form>
  );
}

/**
 * The form fields of each adapter's config, shared by the Scrapers page (to draw the form)
 * and the action (to turn the posted form back into a config for the adapter's zod schema).
 * Client-safe: no server imports.
 */

export type FieldKind = "text" | "list" | "number" | "select";

export interface ConfigField {
  name: string;
  label: string;
  kind: FieldKind;
  placeholder?: string;
  hint?: string;
  options?: readonly string[];
}

const baseUrl = (site: string): ConfigField => ({
  name: "baseUrl",
  label: "Site address (optional)",
  kind: "text",
  placeholder: site,
  hint: `Leave empty for ${site}; another address reads a mirror or the local demo site.`,
});

export const ADAPTER_FIELDS: Record<string, readonly ConfigField[]> = {
  telegram: [
    { name: "channel", label: "Channel", kind: "text", placeholder: "@acme_news" },
    baseUrl("https://t.me"),
  ],
  video: [
    { name: "handle", label: "Channel handle", kind: "text", placeholder: "@acmebank" },
    baseUrl("https://www.youtube.com"),
  ],
  "site-stats": [
    { name: "domain", label: "Site domain", kind: "text", placeholder: "acmebank.example" },
    baseUrl("https://www.similarweb.com"),
  ],
  trends: [
    {
      name: "keywords",
      label: "Keywords (up to 5, comma-separated)",
      kind: "list",
      placeholder: "kredi kartı, ihtiyaç kredisi",
    },
    { name: "geo", label: "Region (optional)", kind: "text", placeholder: "TR" },
    { name: "timeframe", label: "Time frame", kind: "text", placeholder: "today 12-m" },
    baseUrl("https://trends.google.com"),
  ],
  custom: [
    {
      name: "url",
      label: "URL pattern",
      kind: "text",
      placeholder: "https://example.com/stats?page={page}",
      hint: "Placeholders: {date} (today, YYYY-MM-DD) and {page}.",
    },
    { name: "mode", label: "Fetch with", kind: "select", options: ["static", "browser"] },
    { name: "pages", label: "Pages (with {page})", kind: "number", placeholder: "1" },
    { name: "entity", label: "What the figures describe (optional)", kind: "text" },
    { name: "waitFor", label: "Browser: wait for selector (optional)", kind: "text" },
  ],
};

/** Rows offered for a custom source's metrics; empty rows are ignored. */
export const CUSTOM_METRIC_ROWS = 5;
export const CUSTOM_VALUE_TYPES = ["integer", "decimal", "percent", "duration", "date"] as const;

type FormLike = { get(name: string): unknown };

function text(form: FormLike, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function fieldValue(form: FormLike, field: ConfigField): unknown {
  const value = text(form, field.name);
  if (value === undefined) return undefined;
  if (field.kind === "list") {
    return value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  }
  if (field.kind === "number") return Number(value);
  return value;
}

function customMetrics(form: FormLike) {
  const metrics = [];
  for (let i = 0; i < CUSTOM_METRIC_ROWS; i++) {
    const name = text(form, `metric_name_${i}`);
    const selector = text(form, `metric_selector_${i}`);
    if (!name && !selector) continue;
    metrics.push({
      name,
      selector,
      type: text(form, `metric_type_${i}`) ?? "integer",
      attribute: text(form, `metric_attribute_${i}`),
    });
  }
  return metrics;
}

/** The posted form as the adapter's raw config; empty fields are left out for defaults. */
export function configFromForm(adapterId: string, form: FormLike): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of ADAPTER_FIELDS[adapterId] ?? []) {
    const value = fieldValue(form, field);
    if (value !== undefined) config[field.name] = value;
  }
  if (adapterId === "custom") config.metrics = customMetrics(form);
  return config;
}

import type { z } from "zod";

export type FieldErrors = Record<string, string | undefined>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Validates a form against a zod schema; the first message per field, for display. */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): FormResult<z.output<S>> {
  const raw = Object.fromEntries([...form.keys()].map((key) => [key, form.get(key)]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * Column mapping: which header feeds which canonical field. Proposed automatically from
 * header spellings, remembered per workspace and kind under a signature of the headers,
 * and checked (zod) before a load starts.
 */

import { createHash } from "node:crypto";
import { z } from "zod";
import { message } from "~/i18n/message-code";
import { fieldMatches } from "./header-match";
import { type DatasetKind, fieldTypeOf, requiredFields } from "./kinds";
import { normaliseHeader } from "./normalise";

/** Original header → field, or null: kept as an attribute (customers) or ignored. */
export type ColumnMapping = Record<string, string | null>;

export interface ProposedColumn {
  header: string;
  field: string | null;
  /** 1 = an exact known spelling; lower = a looser match the user should glance at. */
  confidence: number;
  role: "field" | "attribute" | "unmapped";
}

function roleOf(kind: DatasetKind, field: string | null): ProposedColumn["role"] {
  if (field) return "field";
  return kind === "customers" ? "attribute" : "unmapped";
}

/**
 * Best field per header, each field used once: the strongest matches are settled first,
 * so "Customer ID" takes customer_external_id before a looser header can.
 */
export function proposeMapping(kind: DatasetKind, headers: readonly string[]): ProposedColumn[] {
  const candidates = headers.flatMap((header, index) =>
    fieldMatches(kind, header).map((match) => ({
      ...match,
      index,
      // Between equal matches, the header spelling the field's own name wins ("Amount"
      // over "Total" for amount), then the leftmost.
      ownName: normaliseHeader(header) === match.field ? 1 : 0,
    })),
  );
  candidates.sort(
    (a, b) => b.confidence - a.confidence || b.ownName - a.ownName || a.index - b.index,
  );
  const chosen = new Map<number, { field: string; confidence: number }>();
  const taken = new Set<string>();
  for (const candidate of candidates) {
    if (chosen.has(candidate.index) || taken.has(candidate.field)) continue;
    chosen.set(candidate.index, candidate);
    taken.add(candidate.field);
  }
  return headers.map((header, index) => {
    const match = chosen.get(index);
    const field = match?.field ?? null;
    return { header, field, confidence: match?.confidence ?? 0, role: roleOf(kind, field) };
  });
}

export function mappingOf(columns: readonly ProposedColumn[]): ColumnMapping {
  return Object.fromEntries(columns.map((column) => [column.header, column.field]));
}

/**
 * A stable name for a set of headers, to remember a user's mapping: case, spacing,
 * accents and column order do not change it.
 */
export function headersSignature(headers: readonly string[]): string {
  const normalised = headers.map((header) => normaliseHeader(header)).sort();
  return createHash("sha256").update(JSON.stringify(normalised)).digest("hex").slice(0, 32);
}

/** "amount or quantity + unit_price": fields by their names, alternatives as a message. */
function describeRequirement(alternatives: readonly (readonly string[])[]): string {
  const [first = "", ...rest] = alternatives.map((fields) => fields.join(" + "));
  return rest.reduce((either, or) => message("messages:ingest.mapping.or", { either, or }), first);
}

/** Requirements of the kind that no mapped field set satisfies, described for the user. */
export function missingRequirements(kind: DatasetKind, mapped: ReadonlySet<string>): string[] {
  return requiredFields[kind]
    .filter((alternatives) => !alternatives.some((fields) => fields.every((f) => mapped.has(f))))
    .map(describeRequirement);
}

/** The zod schema of a user-supplied mapping for these headers and this kind. */
export function mappingSchema(kind: DatasetKind, headers: readonly string[]) {
  const known = new Set(headers);
  return z.record(z.string(), z.string().nullable()).superRefine((mapping, ctx) => {
    const headersByField = new Map<string, string[]>();
    for (const [header, field] of Object.entries(mapping)) {
      if (!known.has(header)) {
        ctx.addIssue({
          code: "custom",
          path: [header],
          message: message("messages:ingest.mapping.noSuchColumn", { header }),
        });
      }
      if (field === null) continue;
      if (!fieldTypeOf(kind, field)) {
        ctx.addIssue({
          code: "custom",
          path: [header],
          message: message("messages:ingest.mapping.notAField", { field, kind, header }),
        });
      }
      headersByField.set(field, [...(headersByField.get(field) ?? []), header]);
    }
    for (const [field, fieldHeaders] of headersByField) {
      if (fieldHeaders.length < 2) continue;
      const list = fieldHeaders.map((header) => `"${header}"`).join(", ");
      ctx.addIssue({
        code: "custom",
        path: [],
        message: message("messages:ingest.mapping.sameField", { list, field }),
      });
    }
    for (const requirement of missingRequirements(kind, new Set(headersByField.keys()))) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: message("messages:ingest.mapping.required", { requirement }),
      });
    }
  });
}

export type MappingCheck =
  | { ok: true; mapping: ColumnMapping }
  | { ok: false; problems: string[]; missing: string[] };

export function validateMapping(
  kind: DatasetKind,
  headers: readonly string[],
  mapping: unknown,
): MappingCheck {
  const parsed = mappingSchema(kind, headers).safeParse(mapping);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const mapped = new Set(
    Object.values(typeof mapping === "object" && mapping ? mapping : {}).filter(
      (field): field is string => typeof field === "string",
    ),
  );
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => issue.message),
    missing: missingRequirements(kind, mapped),
  };
}

/** One CSV row after mapping: each field's text with the header it came from. */
export interface MappedRecord {
  fields: Record<string, { column: string; raw: string }>;
  /** Columns mapped to no field, by header (kept as typed attributes for customers). */
  attributes: Record<string, string>;
}

export function mapRecord(values: Record<string, string>, mapping: ColumnMapping): MappedRecord {
  const mapped: MappedRecord = { fields: {}, attributes: {} };
  for (const [column, raw] of Object.entries(values)) {
    const field = mapping[column];
    if (field) mapped.fields[field] = { column, raw };
    else mapped.attributes[column] = raw;
  }
  return mapped;
}

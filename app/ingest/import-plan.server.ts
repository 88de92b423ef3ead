/**
 * Settles how to import a file without asking anyone: detected settings, the given (or
 * remembered, or proposed) mapping, and a date format for every date column. What cannot
 * be settled (no CSV, required fields unmapped, a date column that fits several formats in
 * the whole file) is reported as a PlanProblem that names the column. Used by the `import`
 * command (planFileImport, which reads past the sample to settle dates).
 */

import { eq } from "drizzle-orm";
import { attributeDefinitions } from "#db/schema";
import type { WorkspaceScope } from "#db/scoped";
import { message, messageList } from "~/i18n/message-code";
import { type AttributeType, attributeNamesOf } from "./attributes";
import {
  type AmbiguousDateColumn,
  type DateSettlement,
  DEFAULT_SETTLE_BOUNDS,
  type SettleBounds,
  settleDateFormats,
} from "./date-settle.server";
import type { DateFormat } from "./dates";
import type { TextEncoding } from "./decode";
import type { Delimiter, QuoteChar } from "./dialect";
import type { ImportOptions } from "./import-options";
import { type DatasetKind, fieldTypeOf } from "./kinds";
import type { ColumnMapping } from "./mapping";
import { rememberedMapping } from "./mappings.server";
import type { DecimalMark } from "./numbers";
import { type CsvPreview, previewCsv } from "./preview";
import { readSample } from "./upload.server";

export type { AmbiguousDateColumn, DateSettlement } from "./date-settle.server";

export interface ImportChoices {
  mapping?: ColumnMapping;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  quote?: QuoteChar;
  decimalMark?: DecimalMark;
  /** Date format by column header, for columns whose format the sample cannot settle. */
  dateFormats?: Record<string, DateFormat>;
  defaultSource?: string;
}

export class PlanProblem extends Error {
  override name = "PlanProblem";
  constructor(
    message: string,
    readonly ambiguousDates: AmbiguousDateColumn[] = [],
  ) {
    super(message);
  }
}

function preview(
  sample: Uint8Array,
  kind: DatasetKind,
  choices: ImportChoices,
  truncated: boolean,
) {
  const result = previewCsv(sample, kind, { ...choices, truncated });
  if (!result.ok) throw new PlanProblem(result.message);
  return result;
}

/** Columns read as dates (mapped to a date field, or a date attribute) with no format. */
export function ambiguousDateColumns(kind: DatasetKind, result: CsvPreview): AmbiguousDateColumn[] {
  return Object.entries(result.dateColumns).flatMap(([column, detected]) => {
    if (detected.status !== "ambiguous" || result.rowSettings.dateFormats?.[column]) return [];
    const field = result.mapping[column];
    const fieldType = field ? fieldTypeOf(kind, field) : undefined;
    const readAsDate =
      fieldType === "date" ||
      fieldType === "datetime" ||
      (!field && result.attributeTypes[column] === "date");
    return readAsDate ? [{ column, candidates: detected.candidates }] : [];
  });
}

/** Attribute types recorded by earlier imports win, so a column keeps one type over time. */
function recordedAttributeTypes(scope: WorkspaceScope): Record<string, AttributeType> {
  const rows = scope.select(attributeDefinitions, eq(attributeDefinitions.kind, "customers"));
  return Object.fromEntries(rows.map((row) => [row.name, row.type]));
}

export function planImport(
  scope: WorkspaceScope,
  kind: DatasetKind,
  sample: Uint8Array,
  fileBytes: number,
  choices: ImportChoices = {},
): ImportOptions {
  const { result, ambiguous } = draftPlan(scope, kind, sample, fileBytes, choices);
  if (ambiguous.length > 0) throw askForDateFormats(ambiguous);
  return finishPlan(scope, kind, result, choices);
}

export interface FilePlan extends ImportOptions {
  /** Date columns the sample left ambiguous and the rest of the file settled, by header. */
  dateSettledBy: Record<string, DateSettlement>;
}

/**
 * planImport for a stored file: a date column the sample leaves ambiguous is settled by
 * reading on through the file (see date-settle.server.ts) before the user is asked.
 */
export async function planFileImport(
  scope: WorkspaceScope,
  kind: DatasetKind,
  file: string,
  fileBytes: number,
  choices: ImportChoices = {},
  bounds: SettleBounds = DEFAULT_SETTLE_BOUNDS,
): Promise<FilePlan> {
  const sample = await readSample(file);
  let draft = draftPlan(scope, kind, sample, fileBytes, choices);
  const dateSettledBy: Record<string, DateSettlement> = {};
  // A sample that is the whole file has said all there is to say.
  if (draft.ambiguous.length > 0 && fileBytes > sample.length) {
    const { settled } = await settleDateFormats(
      file,
      draft.result.settings,
      draft.ambiguous,
      bounds,
    );
    if (Object.keys(settled).length > 0) {
      Object.assign(dateSettledBy, settled);
      const formats = Object.fromEntries(
        Object.entries(settled).map(([column, { format }]) => [column, format]),
      );
      const settledChoices = { ...choices, dateFormats: { ...formats, ...choices.dateFormats } };
      draft = draftPlan(scope, kind, sample, fileBytes, settledChoices);
    }
  }
  if (draft.ambiguous.length > 0) throw askForDateFormats(draft.ambiguous);
  return { ...finishPlan(scope, kind, draft.result, choices), dateSettledBy };
}

function askForDateFormats(ambiguous: AmbiguousDateColumn[]): PlanProblem {
  const list = ambiguous
    .map(({ column, candidates }) => `column "${column}" fits ${candidates.join(" and ")}`)
    .join("; ");
  return new PlanProblem(`Choose the date format: ${list}.`, ambiguous);
}

/** Every check but the date formats: the preview to import by, and its ambiguous dates. */
function draftPlan(
  scope: WorkspaceScope,
  kind: DatasetKind,
  sample: Uint8Array,
  fileBytes: number,
  choices: ImportChoices,
): { result: CsvPreview; ambiguous: AmbiguousDateColumn[] } {
  const truncated = fileBytes > sample.length;
  let result = preview(sample, kind, choices, truncated);
  for (const column of Object.keys(choices.dateFormats ?? {})) {
    if (!result.headers.includes(column)) {
      throw new PlanProblem(
        `A date format was given for column "${column}", which the file does not have.`,
      );
    }
  }
  const remembered = choices.mapping ? undefined : rememberedMapping(scope, kind, result.signature);
  if (remembered) {
    const withRemembered = preview(sample, kind, { ...choices, mapping: remembered }, truncated);
    // A mapping remembered under an older version of the fields may no longer fit.
    if (withRemembered.mappingCheck.ok) result = withRemembered;
  }
  if (!result.mappingCheck.ok) {
    const columns = result.headers.map((header) => `"${header}"`).join(", ");
    throw new PlanProblem(
      message("messages:ingest.mapping.doesNotFitFile", {
        kind,
        problems: messageList(result.mappingCheck.problems),
        columns,
      }),
    );
  }
  return { result, ambiguous: ambiguousDateColumns(kind, result) };
}

function finishPlan(
  scope: WorkspaceScope,
  kind: DatasetKind,
  result: CsvPreview,
  choices: ImportChoices,
): ImportOptions {
  const attributeTypes =
    kind === "customers"
      ? { ...result.rowSettings.attributeTypes, ...pick(recordedAttributeTypes(scope), result) }
      : result.rowSettings.attributeTypes;
  return {
    settings: result.settings,
    mapping: result.mapping,
    rowSettings: { ...result.rowSettings, attributeTypes },
    defaultSource: choices.defaultSource,
  };
}

/** The recorded types of this file's attribute columns only, by column. */
function pick(recorded: Record<string, AttributeType>, result: CsvPreview) {
  const names = attributeNamesOf(Object.keys(result.attributeTypes));
  return Object.fromEntries(
    [...names].flatMap(([column, name]) => {
      const type = recorded[name];
      return type ? [[column, type]] : [];
    }),
  );
}

/** Builders for customer tests: a workspace, datasets, and rows validated like an upload's. */
import type { Db } from "#db/client";
import * as schema from "#db/schema";
import { scopeTo } from "#db/scoped";
import type { CustomerRow } from "~/ingest/schemas";
import { validateRow } from "~/ingest/schemas";

export function createWorkspace(db: Db, slug: string) {
  const workspace = db.insert(schema.workspaces).values({ slug, name: slug }).returning().get();
  return { workspaceId: workspace.id, scope: scopeTo(db, workspace.id) };
}

export function createDataset(db: Db, workspaceId: number, fileName = "customers.csv") {
  return scopeTo(db, workspaceId).insert(schema.datasets, { kind: "customers", fileName }).id;
}

/** A customer row from field → cell text, through the real validation (so e-mails and
 * phones are normalised exactly as an upload would). Attributes are number-typed when
 * listed in `numberAttributes`, else categories. */
export function customerRow(
  fields: Record<string, string>,
  attributes: Record<string, string> = {},
  numberAttributes: string[] = [],
): CustomerRow {
  const mapped = {
    fields: Object.fromEntries(
      Object.entries(fields).map(([field, raw]) => [field, { column: field, raw }]),
    ),
    attributes,
  };
  const attributeTypes = Object.fromEntries(
    numberAttributes.map((name) => [name, "number" as const]),
  );
  const result = validateRow("customers", mapped, {
    decimalMark: ".",
    defaultCountry: "TR",
    attributeTypes,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** Every text value of every table, with its place, for "nothing of them remains" checks. */
export function allTextValues(db: Db): { place: string; text: string }[] {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all();
  const found: { place: string; text: string }[] = [];
  for (const { name } of tables) {
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<
      string,
      unknown
    >[]) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
        found.push({ place: `${name}.${column}`, text });
      }
    }
  }
  return found;
}

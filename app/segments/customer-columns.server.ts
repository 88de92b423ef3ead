/**
 * Profile columns of the analysable customers (see customers/analysable.server.ts), aligned with their IdIndex positions:
 * income, birth, gender, city, residency and the numeric extra attributes (those typed
 * "number" in attribute_definitions). Attributes are read with json_extract so SQLite,
 * not JavaScript, parses the JSON.
 */
import type { WorkspaceScope } from "#db/scoped";
import { analysableSql, processingBasisOf } from "~/customers/analysable.server";
import type { IdIndex } from "./id-index";

export interface CustomerColumns {
  /** NaN = missing. */
  income: Float64Array;
  birthYear: (number | null)[];
  birthDate: (string | null)[];
  gender: (string | null)[];
  city: (string | null)[];
  /** The "residency" (or "resident") attribute as written, for the residency split. */
  residency: unknown[];
  /** Numeric attributes by name; NaN = missing or not a number. */
  attributes: Map<string, Float64Array>;
}

/** Names of the workspace's numeric customer attributes. */
export function numericAttributeNames(scope: WorkspaceScope): string[] {
  return (
    scope
      .sql(
        `SELECT name FROM attribute_definitions
         WHERE workspace_id = @workspace AND kind = 'customers' AND type = 'number' ORDER BY name`,
      )
      .pluck()
      .all() as string[]
  ).filter((name) => !name.includes('"'));
}

const toNumber = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;

export function loadCustomerColumns(scope: WorkspaceScope, customers: IdIndex): CustomerColumns {
  const n = customers.ids.length;
  const names = numericAttributeNames(scope);
  // One json_extract per attribute; the JSON path quotes the name ('$."credit score"').
  const attributeSql = names.map(() => ", json_extract(attributes, ?)").join("");
  const rows = scope
    .sql(
      `SELECT id, income, birth_year, birth_date, gender, city,
         coalesce(json_extract(attributes, '$.residency'), json_extract(attributes, '$.resident'))
         ${attributeSql}
       FROM customers WHERE workspace_id = @workspace AND ${analysableSql(processingBasisOf(scope))}`,
    )
    .raw()
    .iterate(...names.map((name) => `$."${name}"`)) as Iterable<unknown[]>;

  const columns: CustomerColumns = {
    income: new Float64Array(n).fill(Number.NaN),
    birthYear: new Array(n).fill(null),
    birthDate: new Array(n).fill(null),
    gender: new Array(n).fill(null),
    city: new Array(n).fill(null),
    residency: new Array(n).fill(null),
    attributes: new Map(names.map((name) => [name, new Float64Array(n).fill(Number.NaN)])),
  };
  const attributeColumns = [...columns.attributes.values()];
  for (const row of rows) {
    const i = customers.positionOf(row[0] as number);
    if (i < 0) continue;
    columns.income[i] = toNumber(row[1]);
    columns.birthYear[i] = (row[2] as number | null) ?? null;
    columns.birthDate[i] = (row[3] as string | null) ?? null;
    columns.gender[i] = (row[4] as string | null) ?? null;
    columns.city[i] = (row[5] as string | null) ?? null;
    columns.residency[i] = row[6] ?? null;
    attributeColumns.forEach((column, a) => {
      column[i] = toNumber(row[7 + a]);
    });
  }
  return columns;
}

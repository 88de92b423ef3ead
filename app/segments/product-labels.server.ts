/**
 * What a marketer calls a product: the catalogue's name, else the name the transactions
 * carry most often for that code, else the code itself.
 */
import type { WorkspaceScope } from "#db/scoped";

export function loadProductNames(scope: WorkspaceScope): Map<string, string> {
  const fromTransactions = scope
    .sql(
      `SELECT product_code, product_name FROM transactions
       WHERE workspace_id = @workspace AND product_code IS NOT NULL
         AND product_name IS NOT NULL AND trim(product_name) <> ''
       GROUP BY product_code, product_name
       ORDER BY product_code, count(*) ASC, product_name DESC`,
    )
    .raw()
    .all() as [string, string][];
  const names = new Map<string, string>();
  // Ascending by count: the most frequent name of a code is written last and wins.
  for (const [code, name] of fromTransactions) names.set(code, name.trim());
  const catalogue = scope
    .sql(
      "SELECT code, name FROM products WHERE workspace_id = @workspace AND name IS NOT NULL AND trim(name) <> ''",
    )
    .raw()
    .all() as [string, string][];
  for (const [code, name] of catalogue) names.set(code, name.trim());
  return names;
}

/** "Name (code)" when a name is known, else the code. */
export function productLabel(names: ReadonlyMap<string, string>, code: string): string {
  const name = names.get(code);
  return name && name !== code ? `${name} (${code})` : code;
}

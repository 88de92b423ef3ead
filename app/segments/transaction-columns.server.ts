/**
 * Transactions of consented customers as columns (typed arrays), read straight from SQLite
 * with `.raw()` so 1 000 000 rows never become 1 000 000 objects. Rows without a customer
 * (anonymous store sales) are not read; rows of customers without consent are skipped and
 * counted.
 */
import type { Db } from "#db/client";
import type { WorkspaceScope } from "#db/scoped";
import type { IdIndex } from "./id-index";

const MS_PER_DAY = 86_400_000;

export interface TransactionColumns {
  /** Dense customer position (see IdIndex). */
  customerIndex: Int32Array;
  /** UTC day number ⌊occurred_at / 86 400 000⌋ (as toUtcDay in analytics/columns.ts). */
  day: Int32Array;
  amount: Float64Array;
  isReturn: Uint8Array;
  /** Category code per row (−1 = none) and the category names, when asked for. */
  categoryIndex?: Int32Array;
  categories?: string[];
  /** Product code per row (−1 = none) and the product codes, when asked for. */
  productIndex?: Int32Array;
  products?: string[];
  /**
   * Order per row when asked for: a dense code of the row's order id within the workspace
   * (one code per (workspace, order_id)), −1 for a line the file gave no order id. Only the
   * codes are kept: baskets and order counts need which lines share an order, not its name.
   */
  orderIndex?: Int32Array;
  rows: number;
  /** Rows left out because their customer has no data-processing consent. */
  rowsOfExcludedCustomers: number;
}

export interface TransactionColumnOptions {
  withCategory?: boolean;
  withProduct?: boolean;
  withOrder?: boolean;
}

/**
 * The customer index (workspace_id, customer_id, occurred_at) does not hold the amount, so
 * reading a workspace through it costs one random table lookup per row: 3–4× slower than a
 * sequential scan of the whole table when the workspace owns most of it (measured on
 * 1 000 000 rows). Scan the table when this workspace holds at least a quarter of all rows,
 * else use the index so a small workspace does not read everybody's rows.
 */
function scanWholeTable(db: Db, workspaceRows: number): boolean {
  const allRows = db.$client.prepare("SELECT count(*) FROM transactions").pluck().get() as number;
  return workspaceRows * 4 >= allRows;
}

class CodeBook {
  readonly codes = new Map<string, number>();
  // The lines of one order arrive one after another (imported together), so the last value
  // answers most look-ups without hashing the string again.
  private last: unknown;
  private lastCode = -1;
  code(value: unknown): number {
    if (typeof value !== "string" || value === "") return -1;
    if (value === this.last) return this.lastCode;
    let found = this.codes.get(value);
    if (found === undefined) {
      found = this.codes.size;
      this.codes.set(value, found);
    }
    this.last = value;
    this.lastCode = found;
    return found;
  }
}

export function loadTransactionColumns(
  scope: WorkspaceScope,
  customers: IdIndex,
  options: TransactionColumnOptions = {},
): TransactionColumns {
  const { withCategory = false, withProduct = false, withOrder = false } = options;
  let capacity = scope
    .sql("SELECT count(*) FROM transactions WHERE workspace_id = @workspace")
    .pluck()
    .get() as number;
  const source = scanWholeTable(scope.db, capacity) ? "transactions NOT INDEXED" : "transactions";
  const extra = [withCategory && "category", withProduct && "product_code", withOrder && "order_id"]
    .filter(Boolean)
    .map((column) => `, ${column}`)
    .join("");
  const statement = scope
    .sql(
      `SELECT customer_id, occurred_at, amount, is_return${extra} FROM ${source}
       WHERE workspace_id = @workspace AND customer_id IS NOT NULL`,
    )
    .raw();

  let customerIndex = new Int32Array(capacity);
  let day = new Int32Array(capacity);
  let amount = new Float64Array(capacity);
  let isReturn = new Uint8Array(capacity);
  let categoryIndex = new Int32Array(withCategory ? capacity : 0);
  let productIndex = new Int32Array(withProduct ? capacity : 0);
  let orderIndex = new Int32Array(withOrder ? capacity : 0);
  // Another writer may add rows between the count and the scan: grow by doubling then.
  const growAll = () => {
    capacity = Math.max(16, capacity * 2);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, used: boolean): T => {
      if (!used) return a;
      const bigger = new (a.constructor as new (size: number) => T)(capacity);
      bigger.set(a);
      return bigger;
    };
    customerIndex = grow(customerIndex, true);
    day = grow(day, true);
    amount = grow(amount, true);
    isReturn = grow(isReturn, true);
    categoryIndex = grow(categoryIndex, withCategory);
    productIndex = grow(productIndex, withProduct);
    orderIndex = grow(orderIndex, withOrder);
  };
  const categoryBook = new CodeBook();
  const productBook = new CodeBook();
  const orderBook = new CodeBook();
  const productColumn = withCategory ? 5 : 4;
  const orderColumn = productColumn + (withProduct ? 1 : 0);

  let n = 0;
  let skipped = 0;
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    const position = customers.positionOf(row[0] as number);
    if (position < 0) {
      skipped++;
      continue;
    }
    if (n === capacity) growAll();
    customerIndex[n] = position;
    day[n] = Math.floor((row[1] as number) / MS_PER_DAY);
    amount[n] = row[2] as number;
    isReturn[n] = row[3] ? 1 : 0;
    if (withCategory) categoryIndex[n] = categoryBook.code(row[4]);
    if (withProduct) productIndex[n] = productBook.code(row[productColumn]);
    if (withOrder) orderIndex[n] = orderBook.code(row[orderColumn]);
    n++;
  }
  return {
    customerIndex: customerIndex.subarray(0, n),
    day: day.subarray(0, n),
    amount: amount.subarray(0, n),
    isReturn: isReturn.subarray(0, n),
    ...(withCategory
      ? { categoryIndex: categoryIndex.subarray(0, n), categories: [...categoryBook.codes.keys()] }
      : {}),
    ...(withProduct
      ? { productIndex: productIndex.subarray(0, n), products: [...productBook.codes.keys()] }
      : {}),
    ...(withOrder ? { orderIndex: orderIndex.subarray(0, n) } : {}),
    rows: n,
    rowsOfExcludedCustomers: skipped,
  };
}

import { join } from "node:path";
import { isBankCategory, PRODUCTS } from "./catalog";
import { CsvWriter, ONLINE_CSV } from "./csv-writer";

export const PRODUCTS_HEADER = [
  "product_code",
  "product_name",
  "category",
  "product_type",
  "price",
  "currency",
];

/** The catalogue; price is the list price (or typical amount) at the start of the period. */
export async function writeProducts(outDir: string): Promise<{ rows: number; bytes: number }> {
  const writer = CsvWriter.open(join(outDir, "products.csv"), ONLINE_CSV);
  await writer.header(PRODUCTS_HEADER);
  for (const product of PRODUCTS) {
    await writer.row([
      product.code,
      product.name,
      product.category,
      isBankCategory(product.category) ? "bank" : "retail",
      product.price.toFixed(2),
      "TRY",
    ]);
  }
  return writer.close();
}

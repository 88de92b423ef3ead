/**
 * A small bank whose new customers' first card purchases are known by hand (the worked
 * numbers are in tests/integration/offers/offer-cost.test.ts). Sales run from 2025-01-01 to
 * 2025-06-30 (181 days).
 * - A: 9 customers joined 2025-01-01 and A10 joined 2025-03-01; A1–A4 bought the card on
 *   day 20 (2025-01-21); the rest buy only groceries.
 * - B: 10 customers joined 2025-06-20, followed 10 days; B1–B3 bought the card on day 5.
 *   B4 returned a card fee (a return is no purchase).
 * - E1, E2 joined in 2024, before the sales start: left out (earlier purchases unknown).
 * - N1 has no data-processing consent: left out under the consent basis.
 */
import fs from "node:fs";
import path from "node:path";

const CARD = "CARD-1,Classic Card Fee,Credit Card";
const BREAD = "FOOD-1,Bread,Groceries";

export function writeOfferHistory(dir: string): { customers: string; transactions: string } {
  const people: [id: string, signup: string, consent: string][] = [];
  for (let i = 1; i <= 9; i++) people.push([`A${i}`, "2025-01-01", "yes"]);
  people.push(["A10", "2025-03-01", "yes"]);
  for (let i = 1; i <= 10; i++) people.push([`B${i}`, "2025-06-20", "yes"]);
  people.push(["E1", "2024-05-01", "yes"], ["E2", "2024-06-01", "yes"], ["N1", "2025-01-01", "no"]);
  const customers = [
    "customer_id,full_name,signup_date,data_processing_consent",
    ...people.map(([id, signup, consent]) => `${id},Customer ${id},${signup},${consent}`),
  ];
  const sales: string[] = [];
  const sale = (customer: string, date: string, product: string, quantity = 1, amount = 100) =>
    sales.push(
      `T${sales.length + 1},${customer},${date}T12:00:00Z,${product},${quantity},${amount},TRY`,
    );
  sale("A5", "2025-01-01", BREAD);
  for (let i = 1; i <= 4; i++) sale(`A${i}`, "2025-01-21", CARD);
  for (let i = 5; i <= 9; i++) sale(`A${i}`, "2025-02-10", BREAD);
  sale("A10", "2025-03-05", BREAD);
  for (let i = 1; i <= 3; i++) sale(`B${i}`, "2025-06-25", CARD);
  sale("B4", "2025-06-26", CARD, -1, -100);
  sale("E1", "2025-02-01", CARD);
  sale("E2", "2025-02-01", CARD);
  sale("N1", "2025-01-02", CARD);
  sale("A6", "2025-06-30", BREAD);
  const transactionsFile = path.join(dir, "offer-transactions.csv");
  const customersFile = path.join(dir, "offer-customers.csv");
  fs.writeFileSync(customersFile, `${customers.join("\n")}\n`);
  fs.writeFileSync(
    transactionsFile,
    `transaction_id,customer_id,transaction_date,product_code,product_name,category,quantity,amount,currency\n${sales.join("\n")}\n`,
  );
  return { customers: customersFile, transactions: transactionsFile };
}

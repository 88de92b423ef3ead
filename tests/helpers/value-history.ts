/**
 * Simulated purchase histories with a known, learnable signal, for the customer value tests
 * and `npm run bench:models`. Each customer buys on a day with probability rate × (1 + trend
 * × t), at a spend level of their own, stops for good with a small chance per purchase, and
 * answers messages; customers who click buy more often afterwards.
 */
import { historyRows, packHistory, type ValueHistory } from "~/analytics/customer-value/features";
import { createRandom } from "~/analytics/random";

export interface SimulationOptions {
  customers: number;
  days: number;
  seed: number;
  firstDay?: number;
}

export function simulateValueHistory(o: SimulationOptions): ValueHistory {
  const random = createRandom(o.seed);
  const firstDay = o.firstDay ?? 19_000;
  const rows = historyRows();
  const { customer, day, amount, isReturn, category, channel, order } = rows.sales;
  const {
    customer: rCustomer,
    day: rDay,
    clicked: rClicked,
    converted: rConverted,
  } = rows.responses;
  let orderCode = 0;
  for (let c = 0; c < o.customers; c++) {
    // Heavy-tailed rates and spend levels, as real customer bases have.
    const rate = 0.002 + 0.04 * random.next() ** 3;
    const level = 20 * Math.exp(1.2 * (random.next() + random.next() - 1));
    const trend = (random.next() - 0.5) * 2;
    const churn = 0.02 + 0.08 * random.next();
    const favourite = random.nextInt(5);
    const usual = random.nextInt(3);
    const responsive = random.next() < 0.3;
    const start = firstDay + random.nextInt(Math.floor(o.days * 0.6));
    let boost = 1;
    for (let d = start; d < firstDay + o.days; d++) {
      const t = (d - firstDay) / o.days;
      if (d % 30 === c % 30) {
        const click = responsive && random.next() < 0.4;
        rCustomer.push(c);
        rDay.push(d);
        rClicked.push(click ? 1 : 0);
        rConverted.push(click && random.next() < 0.5 ? 1 : 0);
        if (click) boost = 1.5;
      }
      if (random.next() >= rate * boost * Math.max(0.1, 1 + trend * t)) continue;
      const lines = 1 + random.nextInt(3);
      for (let l = 0; l < lines; l++) {
        customer.push(c);
        day.push(d);
        amount.push(Math.round(level * (0.5 + random.next()) * 100) / 100);
        isReturn.push(0);
        category.push(random.next() < 0.6 ? favourite : random.nextInt(5));
        channel.push(random.next() < 0.8 ? usual : random.nextInt(3));
        order.push(orderCode);
      }
      orderCode++;
      if (random.next() < churn) break;
    }
  }
  return packHistory(
    rows,
    o.customers,
    ["groceries", "beauty", "electronics", "home", "toys"],
    ["online", "store", "app"],
  );
}

/**
 * Customer value features and the time split (docs/analytics.md §24). Everything a feature
 * says about a customer comes from rows strictly before the cut-off day; the target is the
 * net revenue of the `horizon` days from the cut-off on. Pure: columns in, columns out.
 */
import type { RepeatHistory } from "../bg-nbd";
import type { SpendHistory } from "../gamma-gamma";

/** Sales lines as columns; `customer` is a dense position 0..customers−1. */
export interface SalesColumns {
  customer: ArrayLike<number>;
  /** UTC day number. */
  day: ArrayLike<number>;
  amount: ArrayLike<number>;
  isReturn: ArrayLike<number>;
  /** Category code (−1 = none), into `categories`. */
  category: ArrayLike<number>;
  /** Channel code (−1 = none), into `channels`. */
  channel: ArrayLike<number>;
  /** Order code (−1 = the line names no order and counts as one by itself). */
  order: ArrayLike<number>;
  rows: number;
}

/** Messages sent, one per row, with what came of them. */
export interface ResponseColumns {
  customer: ArrayLike<number>;
  day: ArrayLike<number>;
  clicked: ArrayLike<number>;
  converted: ArrayLike<number>;
  rows: number;
}

export interface ValueHistory {
  customers: number;
  sales: SalesColumns;
  categories: readonly string[];
  channels: readonly string[];
  responses: ResponseColumns;
}

/** Sale lines and messages as they are gathered, one plain array per column. */
export interface HistoryRows {
  sales: Record<Exclude<keyof SalesColumns, "rows">, number[]>;
  responses: Record<Exclude<keyof ResponseColumns, "rows">, number[]>;
}

export function historyRows(): HistoryRows {
  return {
    sales: {
      customer: [],
      day: [],
      amount: [],
      isReturn: [],
      category: [],
      channel: [],
      order: [],
    },
    responses: { customer: [], day: [], clicked: [], converted: [] },
  };
}

/** The gathered rows packed into the typed columns the features read. */
export function packHistory(
  rows: HistoryRows,
  customers: number,
  categories: readonly string[],
  channels: readonly string[],
): ValueHistory {
  const { sales, responses } = rows;
  return {
    customers,
    sales: {
      customer: Int32Array.from(sales.customer),
      day: Int32Array.from(sales.day),
      amount: Float64Array.from(sales.amount),
      isReturn: Uint8Array.from(sales.isReturn),
      category: Int32Array.from(sales.category),
      channel: Int32Array.from(sales.channel),
      order: Int32Array.from(sales.order),
      rows: sales.customer.length,
    },
    categories,
    channels,
    responses: {
      customer: Int32Array.from(responses.customer),
      day: Int32Array.from(responses.day),
      clicked: Uint8Array.from(responses.clicked),
      converted: Uint8Array.from(responses.converted),
      rows: responses.customer.length,
    },
  };
}

export interface ValueSplit {
  /** First day after the history the features see. */
  cutoff: number;
  /** The target covers days cutoff … cutoff + horizon − 1. */
  horizon: number;
}

export interface ValueSplits {
  training: ValueSplit;
  evaluation: ValueSplit;
  /** Features of the whole history, for the values shown: no target yet. */
  scoring: ValueSplit;
}

/**
 * Training: features before last day + 1 − 2N, target in the next N days. Evaluation: the
 * cut-off N days later, so its target window lies wholly after everything training saw
 * (training's target ends the day before the evaluation cut-off).
 */
export function valueSplits(lastDay: number, horizon: number): ValueSplits {
  const end = lastDay + 1;
  return {
    training: { cutoff: end - 2 * horizon, horizon },
    evaluation: { cutoff: end - horizon, horizon },
    scoring: { cutoff: end, horizon },
  };
}

/** Which categories and channels get a feature of their own: decided before training's cut-off. */
export interface ValueVocabulary {
  categories: number[];
  channels: number[];
}

const NET = (amount: number, isReturn: number) =>
  isReturn || amount < 0 ? -Math.abs(amount) : amount;

export function chooseVocabulary(
  history: ValueHistory,
  cutoff: number,
  sizes: { categories: number; channels: number } = { categories: 4, channels: 3 },
): ValueVocabulary {
  const { sales } = history;
  const categorySpend = new Float64Array(history.categories.length);
  const channelLines = new Float64Array(history.channels.length);
  for (let r = 0; r < sales.rows; r++) {
    if ((sales.day[r] as number) >= cutoff) continue;
    const category = sales.category[r] as number;
    const channel = sales.channel[r] as number;
    const net = NET(sales.amount[r] as number, sales.isReturn[r] as number);
    if (category >= 0) categorySpend[category] = (categorySpend[category] as number) + net;
    if (channel >= 0) channelLines[channel] = (channelLines[channel] as number) + 1;
  }
  const top = (weights: Float64Array, size: number, names: readonly string[]) =>
    [...weights.keys()]
      .filter((k) => (weights[k] as number) > 0)
      .sort(
        (a, b) =>
          (weights[b] as number) - (weights[a] as number) ||
          (names[a] as string).localeCompare(names[b] as string),
      )
      .slice(0, size);
  return {
    categories: top(categorySpend, sizes.categories, history.categories),
    channels: top(channelLines, sizes.channels, history.channels),
  };
}

/** Feature names: fixed keys, then `category:NAME` and `channel:NAME` of the vocabulary. */
export const BASE_FEATURES = [
  "recency_days",
  "frequency_orders",
  "monetary_mean_order",
  "total_spend",
  "tenure_days",
  "spend_last_period",
  "spend_previous_period",
  "spend_trend",
  "orders_last_period",
  "mean_days_between_orders",
  "responses_sent",
  "responses_click_rate",
  "responses_converted",
] as const;

export function featureNames(history: ValueHistory, vocabulary: ValueVocabulary): string[] {
  return [
    ...BASE_FEATURES,
    ...vocabulary.categories.map((k) => `category:${history.categories[k]}`),
    ...vocabulary.channels.map((k) => `channel:${history.channels[k]}`),
  ];
}

export interface FeatureSet {
  names: string[];
  /** Customer positions with at least one purchase before the cut-off, ascending. */
  customers: Int32Array;
  /** columns[f][i]: feature f of customers[i]. */
  columns: Float64Array[];
  /** Net revenue in the target window (0 when the window lies past the data). */
  target: Float64Array;
  /** Net revenue of the last `horizon` days before the cut-off: the naive baseline. */
  lastPeriod: Float64Array;
  /** BG/NBD summary in days, purchase days counted once each. */
  repeat: RepeatHistory[];
  /** Gamma-Gamma summary: repeat purchase days and their mean net value (mean 0 when none). */
  spend: SpendHistory[];
}

/** Row order of the sales by (customer, day), computed once for all splits. */
export function salesOrder(sales: SalesColumns): Int32Array {
  const order = new Int32Array(sales.rows);
  for (let r = 0; r < sales.rows; r++) order[r] = r;
  order.sort(
    (a, b) =>
      (sales.customer[a] as number) - (sales.customer[b] as number) ||
      (sales.day[a] as number) - (sales.day[b] as number) ||
      a - b,
  );
  return order;
}

export function buildFeatureSet(
  history: ValueHistory,
  split: ValueSplit,
  vocabulary: ValueVocabulary,
  rowOrder: Int32Array = salesOrder(history.sales),
): FeatureSet {
  const { sales, responses } = history;
  const { cutoff, horizon } = split;
  const names = featureNames(history, vocabulary);
  const categorySlot = new Map(vocabulary.categories.map((k, slot) => [k, slot]));
  const channelSlot = new Map(vocabulary.channels.map((k, slot) => [k, slot]));

  // Responses per customer before the cut-off.
  const sent = new Float64Array(history.customers);
  const clicked = new Float64Array(history.customers);
  const converted = new Float64Array(history.customers);
  for (let r = 0; r < responses.rows; r++) {
    if ((responses.day[r] as number) >= cutoff) continue;
    const c = responses.customer[r] as number;
    if (c < 0) continue;
    sent[c] = (sent[c] as number) + 1;
    clicked[c] = (clicked[c] as number) + ((responses.clicked[r] as number) ? 1 : 0);
    converted[c] = (converted[c] as number) + ((responses.converted[r] as number) ? 1 : 0);
  }

  const rows: number[][] = [];
  const customersOut: number[] = [];
  const target: number[] = [];
  const lastPeriod: number[] = [];
  const repeat: RepeatHistory[] = [];
  const spend: SpendHistory[] = [];

  let i = 0;
  while (i < rowOrder.length) {
    const c = sales.customer[rowOrder[i] as number] as number;
    let firstDay = Number.POSITIVE_INFINITY;
    let lastDay = Number.NEGATIVE_INFINITY;
    let total = 0;
    let recent = 0;
    let previous = 0;
    let future = 0;
    const orders = new Set<number>();
    let ordersWithoutId = 0;
    const recentOrders = new Set<number>();
    let recentWithoutId = 0;
    const purchaseDays: number[] = [];
    const dayValue: number[] = [];
    const categorySpend = new Float64Array(vocabulary.categories.length);
    const channelLines = new Float64Array(vocabulary.channels.length);
    let lines = 0;
    for (; i < rowOrder.length; i++) {
      const r = rowOrder[i] as number;
      if ((sales.customer[r] as number) !== c) break;
      const day = sales.day[r] as number;
      const net = NET(sales.amount[r] as number, sales.isReturn[r] as number);
      if (day >= cutoff) {
        if (day < cutoff + horizon) future += net;
        continue;
      }
      total += net;
      if (day >= cutoff - horizon) recent += net;
      else if (day >= cutoff - 2 * horizon) previous += net;
      lines++;
      const channel = channelSlot.get(sales.channel[r] as number);
      if (channel !== undefined) channelLines[channel] = (channelLines[channel] as number) + 1;
      const category = categorySlot.get(sales.category[r] as number);
      if (category !== undefined)
        categorySpend[category] = (categorySpend[category] as number) + net;
      if (net <= 0) continue;
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
      const order = sales.order[r] as number;
      if (order >= 0) orders.add(order);
      else ordersWithoutId++;
      if (day >= cutoff - horizon) {
        if (order >= 0) recentOrders.add(order);
        else recentWithoutId++;
      }
      if (purchaseDays[purchaseDays.length - 1] === day)
        dayValue[dayValue.length - 1] = (dayValue[dayValue.length - 1] as number) + net;
      else {
        purchaseDays.push(day);
        dayValue.push(net);
      }
    }
    if (purchaseDays.length === 0) continue;

    const frequency = orders.size + ordersWithoutId;
    const x = purchaseDays.length - 1;
    const repeatSpend = dayValue.slice(1).reduce((s, v) => s + v, 0);
    customersOut.push(c);
    target.push(future);
    lastPeriod.push(recent);
    repeat.push({ x, tx: lastDay - firstDay, T: cutoff - firstDay });
    spend.push({ x, mean: x > 0 ? repeatSpend / x : 0 });
    rows.push([
      cutoff - lastDay,
      frequency,
      total / frequency,
      total,
      cutoff - firstDay,
      recent,
      previous,
      recent - previous,
      recentOrders.size + recentWithoutId,
      x > 0 ? (lastDay - firstDay) / x : 0,
      sent[c] as number,
      (sent[c] as number) > 0 ? (clicked[c] as number) / (sent[c] as number) : 0,
      converted[c] as number,
      ...categorySpend,
      ...[...channelLines].map((n) => (lines > 0 ? n / lines : 0)),
    ]);
  }

  const columns = names.map((_, f) => Float64Array.from(rows, (row) => row[f] as number));
  return {
    names,
    customers: Int32Array.from(customersOut),
    columns,
    target: Float64Array.from(target),
    lastPeriod: Float64Array.from(lastPeriod),
    repeat,
    spend,
  };
}

/**
 * Product propensity of channel audiences: one logistic model per product (or category),
 * trained on customers' shared attributes (age, gender, residency, …) with "bought it" as
 * the label, then applied to a channel's users; the channel's mean score estimates the
 * share of its users likely to buy.
 */
import { selectRows } from "./feature-matrix";
import {
  type AttributeRecord,
  type AttributeSpec,
  encodeAll,
  fitEncoder,
  type LogisticOptions,
  predictProbability,
  trainLogistic,
} from "./logistic";
import { createRandom, sampleIndices } from "./random";

export interface PropensityInput {
  attributes: readonly AttributeSpec[];
  customers: readonly AttributeRecord[];
  /** product → indices (into customers) of customers who bought it. */
  buyers: Readonly<Record<string, ArrayLike<number>>>;
  channels: readonly { channelId: string; users: readonly AttributeRecord[] }[];
}

export interface PropensityOptions extends LogisticOptions {
  /** Train on at most this many customers, a seeded random sample (default 20 000). */
  maxTrainingRows?: number;
  seed?: number;
}

export interface ProductModelSummary {
  product: string;
  buyers: number;
  trainingRows: number;
  /** Weight per encoded column (standardised units), for explaining the model. */
  weights: { column: string; weight: number }[];
  iterations: number;
}

export interface ChannelPropensity {
  channelId: string;
  users: number;
  /** product → mean over users of p = σ(w·x + b). */
  meanPropensity: Record<string, number>;
  /** product → score of each user, in input order. */
  userScores: Record<string, Float64Array>;
}

/**
 * Trains one L2 logistic regression per product on the customers (label 1 = bought,
 * features from fitEncoder over the listed attributes) and scores every channel user;
 * mean propensity per channel and product = (1/m) Σ pᵤ over the channel's m users.
 */
export function channelProductPropensity(
  input: PropensityInput,
  options: PropensityOptions = {},
): { products: ProductModelSummary[]; channels: ChannelPropensity[] } {
  const { maxTrainingRows = 20_000, seed = 42, ...logisticOptions } = options;
  const encoder = fitEncoder(input.attributes, input.customers);
  const allRows = encodeAll(encoder, input.customers);
  const trainingIndex = sampleIndices(input.customers.length, maxTrainingRows, createRandom(seed));
  const training = selectRows(allRows, trainingIndex);
  const channelRows = input.channels.map((channel) => encodeAll(encoder, channel.users));

  const products: ProductModelSummary[] = [];
  const channels: ChannelPropensity[] = input.channels.map((channel) => ({
    channelId: channel.channelId,
    users: channel.users.length,
    meanPropensity: {},
    userScores: {},
  }));
  for (const [product, buyerIndices] of Object.entries(input.buyers)) {
    const bought = new Uint8Array(input.customers.length);
    for (let i = 0; i < buyerIndices.length; i++) bought[buyerIndices[i] as number] = 1;
    const labels = Uint8Array.from(trainingIndex, (i) => bought[i] as number);
    const model = trainLogistic(training, labels, logisticOptions);
    products.push({
      product,
      buyers: buyerIndices.length,
      trainingRows: training.rows,
      weights: encoder.columns.map((column, j) => ({ column, weight: model.weights[j] as number })),
      iterations: model.iterations,
    });
    channelRows.forEach((rows, c) => {
      const scores = new Float64Array(rows.rows);
      let total = 0;
      for (let u = 0; u < rows.rows; u++) {
        scores[u] = predictProbability(
          model,
          rows.data.subarray(u * rows.cols, (u + 1) * rows.cols),
        );
        total += scores[u] as number;
      }
      const target = channels[c] as ChannelPropensity;
      target.userScores[product] = scores;
      target.meanPropensity[product] = rows.rows === 0 ? 0 : total / rows.rows;
    });
  }
  return { products, channels };
}

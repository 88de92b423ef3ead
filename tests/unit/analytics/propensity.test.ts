import { describe, expect, it } from "vitest";
import {
  encodeAll,
  fitEncoder,
  predictProbability,
  sigmoid,
  trainLogistic,
} from "~/analytics/logistic";
import { channelProductPropensity } from "~/analytics/propensity";

describe("logistic regression", () => {
  it("matches the closed-form optimum of an intercept-only model", () => {
    // With one constant-zero feature the model is p = σ(b); the loss is minimal at the
    // observed rate, here 3 of 4 → b = ln(0.75 / 0.25) = ln 3.
    const model = trainLogistic({ data: new Float64Array(4), rows: 4, cols: 1 }, [1, 1, 1, 0], {
      tolerance: 1e-10,
      maxIterations: 10_000,
    });
    expect(model.bias).toBeCloseTo(Math.log(3), 6);
    expect(sigmoid(model.bias)).toBeCloseTo(0.75, 6);
  });

  it("separates an obviously separable set", () => {
    const records = [20, 22, 25, 27, 30, 50, 55, 60, 62, 65].map((age) => ({ age }));
    const bought = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const encoder = fitEncoder([{ name: "age", kind: "numeric" }], records);
    const model = trainLogistic(encodeAll(encoder, records), bought);
    records.forEach((r, i) => {
      const p = predictProbability(model, encoder.encode(r));
      if (bought[i]) expect(p).toBeGreaterThan(0.8);
      else expect(p).toBeLessThan(0.2);
    });
  });

  it("reaches the optimum: the gradient of J vanishes, in a few Newton steps", () => {
    // Overlapping classes, two features and a one-hot pair: a unique interior optimum.
    const rows = 200;
    const cols = 4;
    const data = new Float64Array(rows * cols);
    const y: number[] = [];
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < rows; i++) {
      const a = next() * 4 - 2;
      const b = next() * 2 - 1;
      const group = next() < 0.4 ? 1 : 0;
      data.set([a, b, group, 1 - group], i * cols);
      y.push(next() < sigmoid(1.5 * a - 0.8 * b + 0.7 * group - 0.3) ? 1 : 0);
    }
    const l2 = 0.01;
    const model = trainLogistic({ data, rows, cols }, y, { l2 });
    // The gradient, computed here independently of the trainer.
    const gradient = new Array(cols + 1).fill(0);
    for (let i = 0; i < rows; i++) {
      let z = model.bias;
      for (let j = 0; j < cols; j++)
        z += (model.weights[j] as number) * (data[i * cols + j] as number);
      const residual = sigmoid(z) - (y[i] as number);
      for (let j = 0; j < cols; j++)
        gradient[j] += (residual * (data[i * cols + j] as number)) / rows;
      gradient[cols] += residual / rows;
    }
    for (let j = 0; j < cols; j++) gradient[j] += l2 * (model.weights[j] as number);
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-8);
    expect(model.iterations).toBeLessThanOrEqual(15);
  });

  it("encodes numeric attributes as z-scores and categories one-hot", () => {
    const encoder = fitEncoder(
      [
        { name: "age", kind: "numeric" },
        { name: "gender", kind: "categorical" },
      ],
      [
        { age: 20, gender: "F" },
        { age: 40, gender: "m" },
      ],
    );
    expect(encoder.columns).toEqual(["age", "gender=f", "gender=m"]);
    // mean 30, σ 10; "f" matches "F" (trimmed, lower-cased); unseen "x" and missing → zeros.
    expect(Array.from(encoder.encode({ age: 45, gender: " f " }))).toEqual([1.5, 1, 0]);
    expect(Array.from(encoder.encode({ age: null, gender: "x" }))).toEqual([0, 0, 0]);
  });
});

describe("channelProductPropensity", () => {
  it("scores the channel whose users resemble the buyers higher", () => {
    // Customers 0–19: young city dwellers who buy "gaming"; 20–39: older rural customers who buy "garden".
    const customers = Array.from({ length: 40 }, (_, i) =>
      i < 20
        ? { age: 18 + (i % 10), residency: "city" }
        : { age: 55 + (i % 10), residency: "rural" },
    );
    const result = channelProductPropensity({
      attributes: [
        { name: "age", kind: "numeric" },
        { name: "residency", kind: "categorical" },
      ],
      customers,
      buyers: {
        gaming: Array.from({ length: 20 }, (_, i) => i),
        garden: Array.from({ length: 20 }, (_, i) => 20 + i),
      },
      channels: [
        {
          channelId: "tiktok",
          users: [
            { age: 19, residency: "city" },
            { age: 24, residency: "city" },
          ],
        },
        {
          channelId: "radio",
          users: [
            { age: 60, residency: "rural" },
            { age: 58, residency: "rural" },
          ],
        },
      ],
    });
    const [tiktok, radio] = result.channels;
    expect(tiktok?.meanPropensity.gaming).toBeGreaterThan(0.8);
    expect(radio?.meanPropensity.gaming).toBeLessThan(0.2);
    expect(radio?.meanPropensity.garden).toBeGreaterThan(0.8);
    expect(tiktok?.userScores.garden).toHaveLength(2);
    // Mean propensity is the plain mean of the user scores.
    const scores = Array.from(tiktok?.userScores.gaming ?? []);
    expect(tiktok?.meanPropensity.gaming).toBeCloseTo(
      (scores[0] ?? 0) / 2 + (scores[1] ?? 0) / 2,
      12,
    );
    expect(result.products.map((p) => [p.product, p.buyers, p.trainingRows])).toEqual([
      ["gaming", 20, 40],
      ["garden", 20, 40],
    ]);
  });
});

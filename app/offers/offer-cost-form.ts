/**
 * The offer-cost form (GET, like the Forecast page's other forms, so a result is a link) and
 * the same checks for the CLI. The page asks for the uplift in percent (20 = +20 %), the CLI
 * as a fraction (0.2), as the issue names it; both become the same OfferRequest.
 */
import { z } from "zod";
import { PAID_FOR, type PaidFor } from "~/analytics/offer-cost";

export const MAX_MONTHS = 24;
/** +1000 %: beyond it the "uplift" is a new product, not an offer. */
export const MAX_UPLIFT = 10;

export interface OfferRequest {
  product: string;
  costPerMonth: number;
  months: number;
  /** Relative: 0.2 = +20 % on the activation rate inside the window. */
  uplift: number;
  /** Window in days since joining; default 0 to months × 30. */
  fromDay?: number;
  toDay?: number;
  /** New clients expected per month; default: the average of the history. */
  newPerMonth?: number;
  paidFor: PaidFor;
}

const blankIsMissing = (v: unknown) => (v === "" || v === null ? undefined : v);

const number = (what: string) =>
  z.coerce.number({ error: `Enter ${what} as a number` }).finite(`Enter ${what} as a number`);

const product = z
  .string({ error: "Name the product: its code, its name or a category" })
  .trim()
  .min(1, "Name the product: its code, its name or a category");
const costPerMonth = number("the cost per client per month").gt(
  0,
  "The cost per client per month must be above 0",
);
const months = number("the number of months")
  .int("The offer lasts a whole number of months (1 to 24)")
  .min(1, `The offer lasts 1 to ${MAX_MONTHS} months`)
  .max(MAX_MONTHS, `The offer lasts 1 to ${MAX_MONTHS} months`);
const day = (which: string) =>
  z.preprocess(
    blankIsMissing,
    number(`the window's ${which} day`)
      .int(`The window's ${which} day is a whole number of days since joining`)
      .min(0, `The window's ${which} day is 0 or more (days since joining)`)
      .optional(),
  );
const newPerMonth = z.preprocess(
  blankIsMissing,
  number("the new clients per month").gt(0, "The new clients per month must be above 0").optional(),
);
const paidFor = z.preprocess(
  blankIsMissing,
  z.enum(PAID_FOR, { error: "Choose who gets the offer" }).default("every-new-client"),
);

/** The window's end must not come before its start (the end defaults to months × 30). */
function windowInOrder<I>(schema: z.ZodType<OfferRequest, I>, endField: string) {
  return schema.refine((f) => (f.toDay ?? f.months * 30) >= (f.fromDay ?? 0), {
    message: "The window ends before it starts: its last day is before its first",
    path: [endField],
  });
}

/** The page's fields (names prefixed "offer" so they live beside the other forms). */
export const OfferFormSchema = windowInOrder(
  z
    .object({
      offerProduct: product,
      offerCost: costPerMonth,
      offerMonths: months,
      offerUplift: number("the uplift in percent")
        .gt(0, "The uplift must be above 0 %")
        .max(MAX_UPLIFT * 100, `The uplift can be at most ${MAX_UPLIFT * 100} %`),
      offerFromDay: day("first"),
      offerToDay: day("last"),
      offerNewPerMonth: newPerMonth,
      offerPaidFor: paidFor,
    })
    .transform(
      (f): OfferRequest => ({
        product: f.offerProduct,
        costPerMonth: f.offerCost,
        months: f.offerMonths,
        uplift: f.offerUplift / 100,
        fromDay: f.offerFromDay,
        toDay: f.offerToDay,
        newPerMonth: f.offerNewPerMonth,
        paidFor: f.offerPaidFor,
      }),
    ),
  "offerToDay",
);

/** Form field of each request field, for placing a message beside its input. */
export const OFFER_FIELDS: Record<keyof OfferRequest, string> = {
  product: "offerProduct",
  costPerMonth: "offerCost",
  months: "offerMonths",
  uplift: "offerUplift",
  fromDay: "offerFromDay",
  toDay: "offerToDay",
  newPerMonth: "offerNewPerMonth",
  paidFor: "offerPaidFor",
};

/** The page's search parameters the offer form owns (also what a saved report keeps). */
export const OFFER_PARAMS = Object.values(OFFER_FIELDS);

/** The CLI's flags, by their names on the command line. */
export const OfferFlagsSchema = windowInOrder(
  z
    .object({
      product,
      "cost-per-month": costPerMonth,
      months,
      uplift: number("the uplift")
        .gt(0, "The uplift must be above 0 (0.2 = +20 %)")
        .max(MAX_UPLIFT, `The uplift can be at most ${MAX_UPLIFT} (+${MAX_UPLIFT * 100} %)`),
      "from-day": day("first"),
      "to-day": day("last"),
      "new-per-month": newPerMonth,
      "paid-for": paidFor,
    })
    .transform(
      (f): OfferRequest => ({
        product: f.product,
        costPerMonth: f["cost-per-month"],
        months: f.months,
        uplift: f.uplift,
        fromDay: f["from-day"],
        toDay: f["to-day"],
        newPerMonth: f["new-per-month"],
        paidFor: f["paid-for"],
      }),
    ),
  "to-day",
);

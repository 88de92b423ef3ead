/**
 * The offer-cost form (GET, like the Forecast page's other forms, so a result is a link) and
 * the same checks for the CLI. The page asks for the uplift in percent (20 = +20 %), the CLI
 * as a fraction (0.2), as the issue names it; both become the same OfferRequest.
 */
import { z } from "zod";
import { PAID_FOR, type PaidFor } from "~/analytics/offer-cost";
import { message } from "~/i18n/message-code";

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

/** What a number field asks for, as a message inside "Enter … as a number". */
type NumberField =
  | "costPerMonth"
  | "months"
  | "firstDay"
  | "lastDay"
  | "newPerMonth"
  | "upliftPercent"
  | "uplift";

const number = (what: NumberField) => {
  const notNumber = message("messages:offer.form.notNumber", {
    what: message(`messages:offer.form.what.${what}`),
  });
  return z.coerce.number({ error: notNumber }).finite(notNumber);
};

const enterProduct = message("messages:offer.form.enterProduct");
const product = z.string({ error: enterProduct }).trim().min(1, enterProduct);
const costPerMonth = number("costPerMonth").gt(0, message("messages:offer.form.costAboveZero"));
const monthsRange = message("messages:offer.form.monthsRange", { max: MAX_MONTHS });
const months = number("months")
  .int(message("messages:offer.form.monthsWhole", { max: MAX_MONTHS }))
  .min(1, monthsRange)
  .max(MAX_MONTHS, monthsRange);
const day = (which: "first" | "last") =>
  z.preprocess(
    blankIsMissing,
    number(which === "first" ? "firstDay" : "lastDay")
      .int(message(`messages:offer.form.${which}DayWhole`))
      .min(0, message(`messages:offer.form.${which}DayNotNegative`))
      .optional(),
  );
const newPerMonth = z.preprocess(
  blankIsMissing,
  number("newPerMonth").gt(0, message("messages:offer.form.newPerMonthAboveZero")).optional(),
);
const paidFor = z.preprocess(
  blankIsMissing,
  z
    .enum(PAID_FOR, { error: message("messages:offer.form.choosePaidFor") })
    .default("every-new-client"),
);

/** The window's end must not come before its start (the end defaults to months × 30). */
function windowInOrder<I>(schema: z.ZodType<OfferRequest, I>, endField: string) {
  return schema.refine((f) => (f.toDay ?? f.months * 30) >= (f.fromDay ?? 0), {
    message: message("messages:offer.form.windowOrder"),
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
      offerUplift: number("upliftPercent")
        .gt(0, message("messages:offer.form.upliftPercentAboveZero"))
        .max(
          MAX_UPLIFT * 100,
          message("messages:offer.form.upliftPercentMax", { max: MAX_UPLIFT * 100 }),
        ),
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
      uplift: number("uplift")
        .gt(0, message("messages:offer.form.upliftAboveZero"))
        .max(
          MAX_UPLIFT,
          message("messages:offer.form.upliftMax", { max: MAX_UPLIFT, percent: MAX_UPLIFT * 100 }),
        ),
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

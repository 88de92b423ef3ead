/**
 * The Forecast page's "Offer cost" panel: the form's values and messages, the result when
 * the form was sent, and the catalogue's names to pick a product from.
 */
import type { WorkspaceScope } from "#db/scoped";
import { OfferCostInputError } from "~/analytics/offer-cost";
import { firstErrors } from "~/campaigns/forecast-forms";
import { offerCostForWorkspace } from "./offer-cost.server";
import { OFFER_FIELDS, OFFER_PARAMS, OfferFormSchema } from "./offer-cost-form";
import { productCatalogue } from "./offer-history.server";

/** Enough names for a pick list; a longer catalogue is typed (and suggested on a miss). */
const MAX_CHOICES = 300;

export function offerCostPanel(scope: WorkspaceScope, query: URLSearchParams) {
  const values: Record<string, string> = {};
  for (const name of OFFER_PARAMS) {
    const value = query.get(name);
    if (value !== null) values[name] = value;
  }
  return {
    values,
    choices: productChoices(scope),
    ...(query.has("offerProduct") ? runOffer(scope, values) : { errors: {}, result: null }),
  };
}

/** The form sent as search parameters: its result, or its messages by field. */
export function runOffer(scope: WorkspaceScope, values: Record<string, string>) {
  const parsed = OfferFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrors(parsed.error), result: null };
  try {
    return { errors: {}, result: offerCostForWorkspace(scope, parsed.data) };
  } catch (error) {
    if (!(error instanceof OfferCostInputError)) throw error;
    return {
      errors: { [error.field ? OFFER_FIELDS[error.field] : "form"]: error.message },
      result: null,
    };
  }
}

/** Categories and product names of the products file (not the sales: that reads them all). */
function productChoices(scope: WorkspaceScope): string[] {
  const entries = productCatalogue(scope, { includeSales: false });
  const categories = new Set<string>();
  const names = new Set<string>();
  for (const e of entries) {
    if (e.category) categories.add(e.category);
    if (e.name) names.add(e.name);
  }
  return [...[...categories].sort(), ...[...names].sort()].slice(0, MAX_CHOICES);
}

export type OfferCostPanelData = ReturnType<typeof offerCostPanel>;

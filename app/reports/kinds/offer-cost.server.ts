/** The "offer cost" report: the Forecast page's Offer cost panel with its form's values. */

import { englishMessage } from "~/i18n/english";
import { OFFER_PARAMS, OfferFormSchema } from "~/offers/offer-cost-form";
import { runOffer } from "~/offers/offer-cost-page.server";
import type { ReportTable } from "../report-table";
import { type ReportKind, searchParams, singleParams } from "./report-kind.server";

/** What a live report shows when the data no longer allows the figures: the messages. */
export type OfferCostReportData = ReturnType<typeof runOffer> & { values: Record<string, string> };

export const offerCostReport: ReportKind<OfferCostReportData> = {
  page: "forecast",
  params: searchParams(OFFER_PARAMS).refine((p) => OfferFormSchema.safeParse(p).success, {
    message: "Price an offer first: the offer form's values are missing or invalid.",
  }),
  personal: false,
  dateRange: null,
  build: (scope, params) => {
    const values = singleParams(params);
    return { values, ...runOffer(scope, values) };
  },
  tables: (data) => {
    const result = data.result;
    if (!result)
      return [
        {
          name: "offer-cost-problems",
          columns: ["field", "message"],
          // The table's columns are English names; its messages are English like them.
          rows: Object.entries(data.errors).map(([field, text]) => [field, englishMessage(text)]),
        },
      ];
    const figures: ReportTable = {
      name: "offer-cost",
      columns: ["figure", "value", "unit", "note"],
      rows: [
        ...Object.entries(result.inputs).map(([name, f]) => [name, f.value, f.unit, null]),
        ["window_from_day", result.window.from_day, result.window.unit, null],
        ["window_to_day", result.window.to_day, result.window.unit, null],
        ...Object.entries(result.figures).map(([name, f]) => [
          name,
          f.value,
          f.unit,
          "reason" in f ? (f.reason ?? null) : null,
        ]),
        ["paid_for", result.assumptions.paid_for, null, result.assumptions.paid_for_text],
      ],
    };
    const curve: ReportTable = {
      name: "activation-curve",
      columns: ["days_since_joining", "share_activated", "customers_at_risk"],
      rows: result.curve.map((p) => [p.day, p.activated, p.at_risk]),
    };
    return [figures, curve];
  },
};

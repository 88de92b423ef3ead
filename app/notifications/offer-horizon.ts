/** Offers ranked per customer, and the days ahead they are valued over (the CLI's defaults). */
export const OFFERS_PER_CUSTOMER = 3;
export const OFFER_HORIZON_DAYS = 30;

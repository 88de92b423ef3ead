/**
 * How a customer is named on a page: their name and their own id from the file
 * ("Ayşe Yılmaz · C-1042"), never the database's internal id. Null when the profile has
 * neither, for the caller's "unnamed customer" text.
 */
export function customerLabel(customer: {
  name: string | null | undefined;
  externalId: string | null | undefined;
}): string | null {
  return [customer.name, customer.externalId].filter(Boolean).join(" · ") || null;
}

/**
 * Reasons, warnings and errors cross the ingest code as message codes (~/i18n/message-code);
 * tests that read them as sentences put them into English first. Plain objects, arrays and
 * strings are converted, and an Error's message (also of a promise's rejection) in place;
 * anything else (a Date, a class instance) is given back as it is.
 */
import { englishMessage } from "~/i18n/english";
import { looksLikeMessage } from "~/i18n/message-code";

export function english<T>(value: T): T {
  if (typeof value === "string") {
    return (looksLikeMessage(value) ? englishMessage(value) : value) as T;
  }
  if (Array.isArray(value)) return value.map(english) as T;
  if (value instanceof Error) {
    value.message = english(value.message);
    return value;
  }
  if (value instanceof Promise) {
    return value.then(english, (error: unknown) => {
      throw english(error);
    }) as T;
  }
  if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, english(v)])) as T;
  }
  return value;
}

/**
 * English text outside a page (the CLI, logs, tests): an i18next instance initialised
 * synchronously from the bundled catalogues.
 */
import { createInstance } from "i18next";
import { translateMessage } from "./message";
import { looksLikeMessage } from "./message-code";
import { i18nextOptions } from "./options";

const english = createInstance();
english.init({ ...i18nextOptions("en"), initImmediate: false });

export const englishT = english.t;

/** An encoded form message (~/i18n/message) as the English sentence. */
export function englishMessage(text: string | null | undefined): string {
  return translateMessage(englishT, text);
}

/**
 * A result with every encoded message inside it (a fit's reasons, a plan's warnings) put
 * into English, for output that has no reader's language (the CLI's JSON).
 */
export function englishInside<T>(value: T): T {
  if (typeof value === "string") {
    return (looksLikeMessage(value) ? englishMessage(value) : value) as T;
  }
  if (Array.isArray(value)) return value.map(englishInside) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, englishInside(inner)]),
    ) as T;
  }
  return value;
}

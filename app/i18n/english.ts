/**
 * English text outside a page (the CLI, logs, tests): an i18next instance initialised
 * synchronously from the bundled catalogues.
 */
import { createInstance } from "i18next";
import { translateMessage } from "./message";
import { i18nextOptions } from "./options";

const english = createInstance();
english.init({ ...i18nextOptions("en"), initImmediate: false });

export const englishT = english.t;

/** An encoded form message (~/i18n/message) as the English sentence. */
export function englishMessage(text: string | null | undefined): string {
  return translateMessage(englishT, text);
}

/**
 * Form and error messages cross the server → page boundary as catalogue keys, not as
 * sentences: zod schemas and actions write `message("auth:errors.enterEmail")` (or with
 * values: `message("auth:errors.passwordTooShort", { count: 12 })`) and the page translates
 * it where it is shown (useMessage), in the reader's language. A message that is not a key
 * (code not converted yet, or a library's text) is shown as it is.
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import {
  clauseItems,
  decodeMessage,
  listItems,
  looksLikeMessage,
  type MessageValues,
} from "./message-code";

export { clauseList, decodeMessage, message, messageList } from "./message-code";

/**
 * An encoded message in the language of `t`; text that is no key comes back as it is. A
 * value that is itself a message (a field's label, a list of reasons) is translated first.
 */
export function translateMessage(t: TFunction, text: string | null | undefined): string {
  if (!text) return "";
  const clauses = clauseItems(text);
  if (clauses.length > 1) return clauses.map((clause) => translateMessage(t, clause)).join("; ");
  const { key, values } = decodeMessage(text);
  const translated: MessageValues = {};
  for (const [name, value] of Object.entries(values)) {
    translated[name] = typeof value === "string" ? translateValue(t, value) : value;
  }
  return t(key, { ...translated, defaultValue: text });
}

function translateValue(t: TFunction, value: string): string {
  if (clauseItems(value).length > 1) return translateMessage(t, value);
  const items = listItems(value);
  if (items.length > 1) return items.map((item) => translateValue(t, item)).join(" ");
  return looksLikeMessage(value) ? translateMessage(t, value) : value;
}

/** The translator of encoded messages for the current language. */
export function useMessage(): (text: string | null | undefined) => string {
  const { t } = useTranslation();
  return (text) => translateMessage(t, text);
}

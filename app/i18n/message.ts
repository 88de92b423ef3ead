/**
 * Form and error messages cross the server → page boundary as catalogue keys, not as
 * sentences: zod schemas and actions write `message("auth:errors.enterEmail")` (or with
 * values: `message("auth:errors.passwordTooShort", { count: 12 })`) and the page translates
 * it where it is shown (useMessage), in the reader's language. A message that is not a key
 * (code not converted yet, or a library's text) is shown as it is.
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

type Values = Record<string, string | number>;

const VALUES_MARK = "|";

export function message(key: string, values?: Values): string {
  return values ? `${key}${VALUES_MARK}${JSON.stringify(values)}` : key;
}

export function decodeMessage(text: string): { key: string; values: Values } {
  const at = text.indexOf(`${VALUES_MARK}{`);
  if (at < 0) return { key: text, values: {} };
  try {
    return { key: text.slice(0, at), values: JSON.parse(text.slice(at + 1)) as Values };
  } catch {
    return { key: text, values: {} };
  }
}

/** An encoded message in the language of `t`; text that is no key comes back as it is. */
export function translateMessage(t: TFunction, text: string | null | undefined): string {
  if (!text) return "";
  const { key, values } = decodeMessage(text);
  return t(key, { ...values, defaultValue: text });
}

/** The translator of encoded messages for the current language. */
export function useMessage(): (text: string | null | undefined) => string {
  const { t } = useTranslation();
  return (text) => translateMessage(t, text);
}

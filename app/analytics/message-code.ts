/**
 * The wire format of a message that crosses a boundary untranslated: a catalogue key, and
 * its values as JSON after "|" ("messages:fit.fewWeeks|{"weeks":3,"needed":8}"). Pure and
 * without imports, so the analytics and the ingest code can state a reason as a code plus
 * parameters; the page (useMessage), an e-mail (fixedT) or the CLI (englishMessage) puts it
 * into words in its reader's language.
 */
export type MessageValues = Record<string, string | number>;

const VALUES_MARK = "|";

export function message(key: string, values?: MessageValues): string {
  return values ? `${key}${VALUES_MARK}${JSON.stringify(values)}` : key;
}

/** Between the messages of a list inside one value (the reasons a channel has no curve). */
const LIST_MARK = "\u001e";

/** Several messages as one value of another message; each is translated, then joined. */
export function messageList(messages: readonly string[]): string {
  return messages.join(LIST_MARK);
}

export function listItems(value: string): string[] {
  return value.split(LIST_MARK);
}

/**
 * Between the clauses of one text read as "a; b" (the errors of one rejected row). JSON
 * escapes control characters, so the mark never occurs inside a message's values.
 */
const CLAUSE_MARK = "\u001f";

/** Several messages as one text, each translated, then joined with "; ". */
export function clauseList(messages: readonly string[]): string {
  return messages.join(CLAUSE_MARK);
}

export function clauseItems(text: string): string[] {
  return text.split(CLAUSE_MARK);
}

/** A value that is itself a message ("messages:fields.occurred_at"), not a name or a figure. */
export function looksLikeMessage(value: string): boolean {
  return /^[a-z]+:[\w.-]+(?:\|\{.*\})?$/s.test(value);
}

export function decodeMessage(text: string): { key: string; values: MessageValues } {
  const at = text.indexOf(`${VALUES_MARK}{`);
  if (at < 0) return { key: text, values: {} };
  try {
    return { key: text.slice(0, at), values: JSON.parse(text.slice(at + 1)) as MessageValues };
  } catch {
    return { key: text, values: {} };
  }
}

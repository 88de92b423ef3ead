/**
 * Reading data that a page embeds for its charts, as data rather than as text. Pure.
 *
 * Why a scanner: statistics sites ship their numbers in a `<script>` — either
 * `<script type="application/json" id="…">` or an assignment such as
 * `window.__STATS__ = {…};`. Cutting the object out at the first "};" or grabbing numbers
 * with regular expressions breaks as soon as a string contains a brace. The scanner below
 * walks the literal, skipping strings (with escapes) and comments, and stops at the
 * bracket that closes the first one; the text it returns is then parsed with JSON.parse.
 */
import * as cheerio from "cheerio";

export class ScriptDataError extends Error {}

/** End index (exclusive) of the object or array literal that opens at `start`. */
export function matchLiteralEnd(source: string, start: number): number {
  const opener = source[start];
  if (opener !== "{" && opener !== "[") throw new ScriptDataError("no object or array literal");
  const closers: string[] = [];
  let i = start;
  while (i < source.length) {
    const ch = source[i];
    const next = source[i + 1];
    if (ch === '"' || ch === "'" || ch === "`") {
      i += 1;
      while (i < source.length && source[i] !== ch) i += source[i] === "\\" ? 2 : 1;
      if (i >= source.length) break;
    } else if (ch === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
      continue;
    } else if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) break;
      i = end + 2;
      continue;
    } else if (ch === "{") closers.push("}");
    else if (ch === "[") closers.push("]");
    else if (ch === "}" || ch === "]") {
      if (closers.pop() !== ch) throw new ScriptDataError(`unbalanced "${ch}" at ${i}`);
      if (closers.length === 0) return i + 1;
    }
    i += 1;
  }
  throw new ScriptDataError("the literal is not closed");
}

/** The literal assigned to `name` in `script` (e.g. "window.__STATS__"), or undefined. */
export function assignedLiteral(script: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Locating the assignment needs a pattern; reading what is assigned does not.
  const assignment = new RegExp(`(?:^|[^\\w$.])${escaped}\\s*=\\s*(?=[[{])`, "g");
  const match = assignment.exec(script);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  return script.slice(start, matchLiteralEnd(script, start));
}

export interface EmbeddedDataLocation {
  /** id of a `<script type="application/json">` holding the data. */
  jsonScriptId?: string;
  /** The global a classic script assigns the data to, e.g. "window.__STATS__". */
  variable?: string;
}

/**
 * The embedded data as a plain value: the JSON script tag first, then the assignment.
 * Throws ScriptDataError when neither is present or the literal is not JSON.
 */
export function readEmbeddedData(html: string, where: EmbeddedDataLocation): unknown {
  const $ = cheerio.load(html);
  if (where.jsonScriptId) {
    const tag = $(`script[type="application/json"]#${where.jsonScriptId}`).first();
    if (tag.length > 0) return parseJson(tag.text(), `script#${where.jsonScriptId}`);
  }
  if (where.variable) {
    for (const element of $("script:not([src])").toArray()) {
      const literal = assignedLiteral($(element).text(), where.variable);
      if (literal !== undefined) return parseJson(literal, where.variable);
    }
  }
  const places = [
    where.jsonScriptId && `<script type="application/json" id="${where.jsonScriptId}">`,
    where.variable && `<script> assigning ${where.variable}`,
  ].filter(Boolean);
  throw new ScriptDataError(`no ${places.join(" and no ")}`);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScriptDataError(`${what} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Finds English a server sends to a reader: literal text with letters given to
 * `new Response(…)`, or as the `error` / `formError` / `form` / `message` / `notice` of an
 * object (a loader's or action's `data({ error: "…" })`, `return { error: "…" }`,
 * `{ errors: { form: "…" } }`), or to the constructor of an error class a page shows. Message
 * codes ("area:key", see app/i18n/message-code.ts) are not text: the page words them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { looksLikeMessage } from "~/i18n/message-code";

const LETTER = /\p{L}/u;

/** Object properties whose value a page shows as it is (or translates when it is a code). */
export const SHOWN_PROPERTIES = new Set(["error", "formError", "form", "message", "notice"]);

/** Error classes whose message a page or a CSV route's answer shows. */
export const SHOWN_ERRORS = new Set([
  "UploadError",
  "MultipartError",
  "FormFileTooLarge",
  "SourceInputError",
  "DeliveryError",
  "ErasureBlockedError",
  "SegmentInputError",
]);

/** Literal strings an expression can evaluate to (`a ? "x" : "y"`, `x ?? "y"`, templates). */
function literalsOf(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
    return literalsOf(node.expression);
  }
  if (ts.isConditionalExpression(node)) {
    return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalsOf(node.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    ) {
      return [...literalsOf(node.left), ...literalsOf(node.right)];
    }
  }
  return [];
}

const isText = (text: string) => LETTER.test(text) && !looksLikeMessage(text.trim());

/** Each English answer of a source text, as "line: text". */
export function serverTextIn(fileName: string, text: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const report = (value: ts.Node | undefined) => {
    if (!value) return;
    for (const literal of literalsOf(value)) {
      if (!isText(literal)) continue;
      const { line } = source.getLineAndCharacterOfPosition(value.getStart());
      found.push(`${line + 1}: ${literal.replace(/\s+/g, " ").trim()}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node)) {
      const name = node.expression.getText(source);
      if (name === "Response" || SHOWN_ERRORS.has(name)) report(node.arguments?.[0]);
    }
    if (ts.isPropertyAssignment(node) && SHOWN_PROPERTIES.has(node.name.getText(source))) {
      report(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, keep);
    return keep(name) ? [full] : [];
  });
}

/** Routes (.ts, .tsx) and every *.server.ts of the app. */
export function serverFiles(appDir: string): string[] {
  const routes = filesUnder(path.join(appDir, "routes"), (n) => /\.tsx?$/.test(n));
  const servers = filesUnder(appDir, (n) => n.endsWith(".server.ts"));
  return [...new Set([...routes, ...servers])].sort();
}

export function serverTextOf(file: string): string[] {
  return serverTextIn(file, readFileSync(file, "utf8"));
}

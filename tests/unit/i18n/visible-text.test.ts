// No visible text outside the catalogues: JSX text, and the attributes a reader sees or
// hears (placeholder, title, aria-label, alt, label…), must not be literal words in the
// routes and components. Files still to convert are listed in not-yet-translated.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { notConvertedYet, otherBranches, sameInEveryLanguage } from "./not-yet-translated";

const VISIBLE_ATTRIBUTES = new Set([
  "placeholder",
  "title",
  "aria-label",
  "aria-description",
  "alt",
  "label",
  "legend",
  "summary",
  "emptyText",
]);

const LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return name.endsWith(".tsx") ? [full] : [];
  });
}

function isVisibleText(text: string): boolean {
  const trimmed = text.replace(/\s+/g, " ").trim();
  return LETTER.test(trimmed) && !sameInEveryLanguage.has(trimmed);
}

/** Literal strings an expression can evaluate to: `a ? "x" : "y"`, `x ?? "y"`, `\`…\``. */
function literalsOf(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  }
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalsOf(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...literalsOf(node.left), ...literalsOf(node.right)];
    }
  }
  return [];
}

/** Each visible literal of a file, as "line: text". */
function visibleLiterals(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!isVisibleText(text)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${line + 1}: ${text.replace(/\s+/g, " ").trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const text of literalsOf(node.expression)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(node, value.text);
      if (value && ts.isJsxExpression(value) && value.expression) {
        for (const text of literalsOf(value.expression)) report(node, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = [
  ...tsxFiles(path.resolve("app/routes")),
  ...tsxFiles(path.resolve("app/components")),
  path.resolve("app/root.tsx"),
].map((f) => path.relative(process.cwd(), f));

const skipped = (file: string) =>
  otherBranches.some((prefix) => file.startsWith(prefix)) || notConvertedYet.includes(file);

describe("visible text", () => {
  it("is in the catalogues in every converted route and component", () => {
    const untranslated = files
      .filter((file) => !skipped(file))
      .flatMap((file) => visibleLiterals(file).map((hit) => `${file}:${hit}`));
    expect(untranslated).toEqual([]);
  });

  it("lists only files that still hold literal text (so the list shrinks)", () => {
    const done = notConvertedYet.filter((file) => visibleLiterals(file).length === 0);
    expect(done).toEqual([]);
  });

  it("finds text, attributes and literal branches (the scanner itself)", () => {
    expect(isVisibleText(" Save  ")).toBe(true);
    expect(isVisibleText(" · ")).toBe(false);
    expect(isVisibleText("ROI")).toBe(false);
  });
});

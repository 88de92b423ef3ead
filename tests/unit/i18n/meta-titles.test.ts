// Browser tab titles are in the page's language: each route's `meta` reads the language the
// root loader chose (from `matches`) and takes its words from the catalogues, so no route
// writes a title as literal words. English keeps the titles the e2e specs and users know.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MetaDescriptor } from "@remix-run/node";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/config";
import { localeOfMatches } from "~/i18n/meta-t";
import { meta as loginMeta } from "~/routes/login";
import { meta as sharedMeta } from "~/routes/s.$token";
import { meta as signupMeta } from "~/routes/signup";
import { meta as workspacesMeta } from "~/routes/w._index";
import { meta as workspaceMeta } from "~/routes/w.$workspace";
import { meta as reportMeta } from "~/routes/w.$workspace.reports.$report._index";
import { sameInEveryLanguage } from "./not-yet-translated";

/** The title a route's meta gives, as Remix calls it: root data first in `matches`. */
function titleOf(meta: unknown, locale: Locale | null, data?: unknown): string {
  const root = { id: "root", pathname: "/", params: {}, meta: [], data: { locale } };
  const args = { data, params: {}, location: { pathname: "/" }, matches: locale ? [root] : [] };
  const descriptors = (meta as (a: typeof args) => MetaDescriptor[])(args);
  const title = descriptors.find((d): d is { title: string } => "title" in d);
  return title?.title ?? "";
}

describe("meta titles", () => {
  it("keep their English wording", () => {
    expect(titleOf(loginMeta, "en")).toBe("Log in · Channelscope");
    expect(titleOf(signupMeta, "en")).toBe("Sign up · Channelscope");
    expect(titleOf(workspacesMeta, "en")).toBe("Workspaces · Channelscope");
    expect(titleOf(reportMeta, "en")).toBe("Report · Channelscope");
    expect(titleOf(sharedMeta, "en")).toBe("Shared report");
    expect(titleOf(sharedMeta, "en", { state: "report", title: "Spring ROI" })).toBe(
      "Spring ROI · shared report",
    );
  });

  it("are in Turkish and Russian when the root loader chose those", () => {
    expect(titleOf(loginMeta, "tr")).toBe("Giriş yap · Channelscope");
    expect(titleOf(loginMeta, "ru")).toBe("Вход · Channelscope");
    expect(titleOf(signupMeta, "ru")).toBe("Регистрация · Channelscope");
    expect(titleOf(workspacesMeta, "tr")).toBe("Çalışma alanları · Channelscope");
    expect(titleOf(reportMeta, "ru")).toBe("Отчёт · Channelscope");
    expect(titleOf(sharedMeta, "tr", { state: "report", title: "Bahar ROI" })).toBe(
      "Bahar ROI · paylaşılan rapor",
    );
    expect(titleOf(sharedMeta, "ru", { state: "password" })).toBe("Общий отчёт");
  });

  it("show names from the data as they are, in every language", () => {
    const workspace = { workspace: { slug: "acme", name: "Acme Bank" } };
    expect(titleOf(workspaceMeta, "ru", workspace)).toBe("Acme Bank · Channelscope");
    expect(titleOf(reportMeta, "tr", { report: { title: "Q1" } })).toBe("Q1 · Channelscope");
  });

  it("fall back to English when the root has no data (its error page)", () => {
    expect(titleOf(loginMeta, null)).toBe("Log in · Channelscope");
    expect(localeOfMatches([{ id: "root", data: { locale: "de" } }])).toBe("en");
    expect(localeOfMatches([{ id: "root", data: { locale: "ru" } }])).toBe("ru");
  });

  it("are never literal words in a route's meta", () => {
    const routes = path.resolve("app/routes");
    const literal: string[] = [];
    for (const name of readdirSync(routes).filter((n) => n.endsWith(".tsx"))) {
      const file = path.join(routes, name);
      const source = ts.createSourceFile(
        file,
        readFileSync(file, "utf8"),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const visit = (node: ts.Node, inMeta: boolean) => {
        const isMeta = ts.isVariableDeclaration(node) && node.name.getText(source) === "meta";
        const meta = inMeta || isMeta;
        if (
          meta &&
          ts.isPropertyAssignment(node) &&
          node.name.getText(source) === "title" &&
          wordsOf(node.initializer).length > 0
        ) {
          literal.push(`${name}: ${wordsOf(node.initializer).join(" | ")}`);
        }
        ts.forEachChild(node, (child) => visit(child, meta));
      };
      visit(source, false);
    }
    // The root's "Channelscope" is the product's name, the same in every language.
    expect(literal).toEqual([]);
  });
});

/**
 * Literal text with letters a title expression can evaluate to: `a ? "x" : "y"`, `x ?? "y"`,
 * `\`…\``. A call (t("…")) gives catalogue text, and a condition's literals are not shown.
 */
function wordsOf(node: ts.Node): string[] {
  const shown = (text: string) => /\p{L}/u.test(text) && !sameInEveryLanguage.has(text.trim());
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return shown(node.text) ? [node.text] : [];
  }
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].filter(shown);
  }
  if (ts.isParenthesizedExpression(node)) return wordsOf(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...wordsOf(node.whenTrue), ...wordsOf(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return wordsOf(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...wordsOf(node.left), ...wordsOf(node.right)];
    }
  }
  return [];
}

// Every language has every key, with the same {{variables}}, and each plural key has all
// the forms its language needs (CLDR: en and tr one/other, ru one/few/many/other). Keys
// written literally in t("…") calls must exist in the English catalogue.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { supportedLocales } from "~/i18n/config";
import { resources } from "~/locales";

type Catalogue = { [key: string]: string | Catalogue };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(full, value);
    else for (const [k, v] of flatten(value, full)) flat.set(k, v);
  }
  return flat;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] as string).sort();
}

/** Base key → the plural forms present (empty for a plain key) and the variables used. */
function shape(flat: Map<string, string>) {
  const keys = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [key, text] of flat) {
    const plural = PLURAL_SUFFIX.exec(key);
    const base = plural ? key.slice(0, plural.index) : key;
    const entry = keys.get(base) ?? { forms: new Set(), variables: new Set() };
    if (plural) entry.forms.add(plural[1] as string);
    for (const v of variables(text)) entry.variables.add(v);
    keys.set(base, entry);
  }
  return keys;
}

const namespaces = Object.keys(resources.en) as (keyof typeof resources.en)[];

describe("catalogues", () => {
  it("have the same namespaces in every language", () => {
    for (const locale of supportedLocales) {
      expect(Object.keys(resources[locale]).sort(), locale).toEqual([...namespaces].sort());
    }
  });

  for (const ns of namespaces) {
    it(`${ns}: same keys, variables and complete plural forms in every language`, () => {
      const english = shape(flatten(resources.en[ns] as Catalogue));
      for (const locale of supportedLocales) {
        const flat = flatten(resources[locale][ns] as Catalogue);
        for (const [key, text] of flat) expect(text.trim(), `${locale} ${ns}:${key}`).not.toBe("");
        const keys = shape(flat);
        expect([...keys.keys()].sort(), `${locale} ${ns}`).toEqual([...english.keys()].sort());
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [key, entry] of keys) {
          const reference = english.get(key);
          expect([...entry.variables].sort(), `${locale} ${ns}:${key} variables`).toEqual(
            [...(reference?.variables ?? [])].sort(),
          );
          const isPlural = (reference?.forms.size ?? 0) > 0;
          if (!isPlural) {
            expect(entry.forms.size, `${locale} ${ns}:${key} is plural only here`).toBe(0);
            continue;
          }
          for (const form of needed) {
            expect(entry.forms.has(form), `${locale} ${ns}:${key}_${form} missing`).toBe(true);
          }
          expect(entry.variables.has("count"), `${locale} ${ns}:${key} needs {{count}}`).toBe(true);
        }
      }
    });
  }

  it("hold every key that the code names literally", () => {
    const known = new Set<string>();
    for (const ns of namespaces) {
      for (const base of shape(flatten(resources.en[ns] as Catalogue)).keys()) {
        known.add(`${ns}:${base}`);
      }
    }
    const missing: string[] = [];
    for (const file of sourceFiles(path.resolve("app"))) {
      const source = readFileSync(file, "utf8");
      if (!source.includes("useTranslation") && !source.includes("message(")) continue;
      const fileNamespaces = [
        ...new Set([...source.matchAll(/useTranslation\(\s*"(\w+)"/g)].map((m) => m[1] as string)),
      ];
      if (/useTranslation\(\s*\)/.test(source) || fileNamespaces.length === 0) {
        fileNamespaces.push("common");
      }
      const keyCalls = /\b(?:t|message)\(\s*"([\w.:-]+)"/g;
      for (const [, key = ""] of source.matchAll(keyCalls)) {
        const candidates = key.includes(":") ? [key] : fileNamespaces.map((ns) => `${ns}:${key}`);
        if (!candidates.some((c) => known.has(c))) {
          missing.push(`${path.relative(process.cwd(), file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "locales" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

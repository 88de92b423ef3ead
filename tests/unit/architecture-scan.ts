/**
 * The scanners behind tests/unit/architecture.test.ts: they read source text (no imports of
 * the code scanned), so a rule they enforce cannot be dodged by how a module is loaded.
 */
import fs from "node:fs";
import path from "node:path";

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Source files (.ts, .tsx) under `dirs`, relative to `root`, in a stable order. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  return dirs
    .flatMap((dir) => {
      const absolute = path.join(root, dir);
      if (!fs.existsSync(absolute)) return [];
      return fs
        .readdirSync(absolute, { recursive: true, encoding: "utf8" })
        .map((f) => path.join(dir, f));
    })
    .filter((f) => /\.tsx?$/.test(f) && !/\.d\.ts$/.test(f))
    .sort();
}

/** Every match of any of `patterns` in `text`, by line (a match may span lines). */
export function findIn(file: string, text: string, patterns: readonly RegExp[]): Finding[] {
  const found: Finding[] = [];
  for (const pattern of patterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
    );
    for (const match of text.matchAll(global)) {
      const line = text.slice(0, match.index).split("\n").length;
      found.push({ file, line, text: match[0].replace(/\s+/g, " ") });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

export function scan(
  root: string,
  dirs: readonly string[],
  patterns: readonly RegExp[],
  allowedFiles: readonly string[] = [],
): Finding[] {
  return sourceFiles(root, dirs)
    .filter((file) => !allowedFiles.includes(file))
    .flatMap((file) => findIn(file, fs.readFileSync(path.join(root, file), "utf8"), patterns));
}

/**
 * SQL text that binds the tenant by hand instead of naming `@workspace` for the scope to
 * bind: `workspace_id = ?`, `= $1`, `= @workspaceId`, `= :id`, `IN (…)`, a drizzle template's
 * `= ${scope.workspaceId}` / `${workspaceId}`, and an INSERT whose workspace_id column takes
 * a positional value. Joins on another table's column (`= s.workspace_id`,
 * `= ${customers.workspaceId}`) are not bindings and do not match.
 */
export const HAND_BOUND_WORKSPACE: readonly RegExp[] = [
  /workspace_id\s*(?:=|==|!=|<>|\bIS\b)\s*(?:\?|\$\d+|[@:$](?!workspace\b)[A-Za-z_]\w*)/gi,
  /workspace_id\s*(?:=|==|!=|<>|\bIS\b)\s*\$\{\s*(?:[\w.]*\bscope\.)?workspaceId\s*\}/gi,
  /workspace_id\s+(?:NOT\s+)?IN\s*\(/gi,
  /\(\s*workspace_id\s*,[^()]*\)\s*(?:VALUES\s*\(\s*|SELECT\s+)(?:\?|\$\d+|[@:](?!workspace\b)[A-Za-z_]\w*)/gi,
];

/** A scope built from an id: `scopeTo(db, workspaceId)`. */
export const SCOPE_CONSTRUCTOR: readonly RegExp[] = [/\bscopeTo\s*\(/g];

/**
 * The rule of who may be analysed or contacted, written out as SQL (or drizzle) conditions
 * on the consent columns. Only app/customers/analysable.server.ts may hold it.
 */
export const CONSENT_RULE_SQL: readonly RegExp[] = [
  /consent_data_processing\s*(?:==?|!=|<>|\bIS\b)\s*(?:\d|NULL\b|NOT\b|TRUE\b|FALSE\b|\?|[@:$])/gi,
  /coalesce\(\s*[\w."]*consent_data_processing/gi,
  /consent_(?:email|sms)\s*(?:==?|!=|<>|\bIS\b)\s*(?:\d|NULL\b|NOT\b|TRUE\b|FALSE\b|\?|[@:$])/gi,
  /consentDataProcessing\s*\}\s*(?:=|!=|<>|is\b)/gi,
  /\b(?:eq|ne|isNull|isNotNull)\(\s*[\w.]*consent(?:DataProcessing|Email|Sms)\b/g,
];

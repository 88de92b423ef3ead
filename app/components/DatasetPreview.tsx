import { Form, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { humanLabel } from "~/components/labels";
import { useMessage } from "~/i18n/message";
import { textEncodings } from "~/ingest/encodings";
import type { DisplayedPreview } from "~/ingest/preview";

/** Catalogue keys (namespace "data", under preview.delimiters) of the delimiters. */
const delimiterNames: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
};

/**
 * "line 4", or "lines 4–6" for a record whose quoted field holds line breaks; `capital` for
 * the start of a sentence.
 */
function linesLabel(
  t: TFunction,
  lines: { first: number; last: number } | undefined,
  index: number,
  capital = false,
): string {
  const suffix = capital ? "Capital" : "";
  if (!lines) return t(`preview.row${suffix}`, { n: index + 1 });
  return lines.first === lines.last
    ? t(`preview.line${suffix}`, { n: lines.first })
    : t(`preview.lines${suffix}`, { first: lines.first, last: lines.last });
}

/** Detected settings (changeable), the first rows as parsed, and the column mapping. */
export function DatasetPreview({
  preview,
  fields,
  canEdit,
}: {
  preview: DisplayedPreview;
  fields: string[];
  canEdit: boolean;
}) {
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("data");
  const translate = useMessage();
  const { settings } = preview;
  return (
    <>
      <h2>{t("preview.detectedSettings")}</h2>
      <Form method="get" className="card row" aria-label={t("preview.detectedSettings")}>
        <label>
          {t("preview.encoding")}
          <select name="encoding" defaultValue={settings.encoding}>
            {textEncodings.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <label>
          {t("preview.delimiter")}
          <select name="delimiter" defaultValue={settings.delimiter}>
            {Object.entries(delimiterNames).map(([value, name]) => (
              <option key={name} value={value}>
                {t(`preview.delimiters.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("preview.quote")}
          <select name="quote" defaultValue={settings.quote}>
            <option value={'"'}>{t("preview.doubleQuote")}</option>
            <option value="'">{t("preview.singleQuote")}</option>
          </select>
        </label>
        <label>
          {t("preview.decimalMark")}
          <select name="decimalMark" defaultValue={settings.decimalMark}>
            <option value=".">1,234.56</option>
            <option value=",">1.234,56</option>
          </select>
        </label>
        <button type="submit" className="secondary">
          {t("preview.reread")}
        </button>
        <PreviewNotes preview={preview} />
      </Form>

      <h2>{t("preview.columns")}</h2>
      <Form method="post" className="stack" aria-label={t("preview.columnMapping")}>
        {Object.entries(settings).map(([key, value]) =>
          key === "bom" ? null : <input key={key} type="hidden" name={key} value={String(value)} />,
        )}
        <div className="scroll-x">
          <table className="data">
            <thead>
              <tr>
                <th>{t("preview.columnInFile")}</th>
                <th>{t("preview.field")}</th>
                <th>{t("preview.dates")}</th>
                {preview.rows.slice(0, 5).map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                  <th key={i} className="muted small">
                    {linesLabel(t, preview.rowLines[i], i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((header, col) => {
                const dates = preview.dateColumns[header];
                const mapped = preview.mapping[header] ?? "";
                const proposed = preview.columns[col];
                return (
                  <tr key={header}>
                    <td>
                      <strong>{header}</strong>
                      {proposed && proposed.confidence < 1 && proposed.field ? (
                        <div className="muted small">{t("preview.guessed")}</div>
                      ) : null}
                    </td>
                    <td>
                      <select
                        name={`map:${col}`}
                        defaultValue={mapped}
                        aria-label={t("preview.fieldFor", { header })}
                        disabled={!canEdit}
                      >
                        <option value="">
                          {preview.columns[col]?.role === "attribute"
                            ? t("preview.keepAttribute")
                            : t("preview.ignore")}
                        </option>
                        {fields.map((f) => (
                          <option key={f} value={f}>
                            {humanLabel(f)}
                          </option>
                        ))}
                        {mapped && !fields.includes(mapped) ? (
                          <option value={mapped}>{humanLabel(mapped)}</option>
                        ) : null}
                      </select>
                    </td>
                    <td>
                      {dates?.status === "ambiguous" ? (
                        <select
                          name={`date:${col}`}
                          aria-label={t("preview.dateFormatOf", { header })}
                          required
                          defaultValue=""
                        >
                          <option value="" disabled>
                            {t("preview.ambiguous")}
                          </option>
                          {dates.candidates.map((c) => (
                            <option key={c}>{c}</option>
                          ))}
                        </select>
                      ) : dates?.status === "detected" ? (
                        <span className="small">
                          {dates.format}
                          {dates.settledBy ? (
                            <span className="muted" data-testid={`settled-${col}`}>
                              {t("preview.settledBy", {
                                line: dates.settledBy.line,
                                value: dates.settledBy.value,
                              })}
                            </span>
                          ) : null}
                        </span>
                      ) : null}
                    </td>
                    {preview.rows.slice(0, 5).map((row, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <td key={i} className="small" style={{ whiteSpace: "pre-line" }}>
                        {row[col] ?? ""}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {preview.omitted.length > 0 ? (
          <p className="muted small">{preview.omitted.map(translate).join(" ")}</p>
        ) : null}
        {!preview.mappingCheck.ok ? (
          <p className="warn">
            {preview.mappingCheck.problems.map(translate).join("; ")}
            {preview.mappingCheck.missing.length
              ? t("preview.missing", {
                  fields: preview.mappingCheck.missing.map(translate).join(", "),
                })
              : ""}
          </p>
        ) : null}
        <PreviewChecks preview={preview} />
        {canEdit ? (
          <div>
            <button type="submit" disabled={busy}>
              {preview.sampleRowCount >= 1 ? t("preview.importWhole") : t("preview.import")}
            </button>
          </div>
        ) : null}
      </Form>
    </>
  );
}

/** How the encoding was decided, and what reading the sample noticed, in the reader's words. */
export function PreviewNotes({
  preview,
}: {
  preview: Pick<DisplayedPreview, "encodingReason" | "warnings">;
}) {
  const translate = useMessage();
  return (
    <p className="muted small" style={{ flexBasis: "100%", margin: 0 }}>
      {translate(preview.encodingReason)}
      {preview.warnings.length ? ` · ${preview.warnings.map(translate).join(" · ")}` : ""}
    </p>
  );
}

function PreviewChecks({ preview }: { preview: DisplayedPreview }) {
  const { t } = useTranslation("data");
  const translate = useMessage();
  const problems = preview.checks.flatMap((check, i) =>
    check.errors.map((e) => {
      const lines = preview.rowLines[i];
      const where = linesLabel(t, lines, i, true);
      return t("preview.problemAt", { where, column: e.column, reason: translate(e.reason) });
    }),
  );
  if (problems.length === 0)
    return <p className="muted small">{t("preview.clean", { count: preview.rows.length })}</p>;
  return (
    <details>
      <summary className="warn">
        {t("preview.problems", { count: preview.rows.length, problems: problems.length })}
      </summary>
      <ul className="small">
        {problems.slice(0, 20).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </details>
  );
}

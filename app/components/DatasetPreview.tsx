import { Form, useNavigation } from "@remix-run/react";
import { humanLabel } from "~/components/labels";
import { textEncodings } from "~/ingest/encodings";
import type { DisplayedPreview } from "~/ingest/preview";

const delimiterNames: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
};

/** "line 4", or "lines 4–6" for a record whose quoted field holds line breaks. */
function linesLabel(lines: { first: number; last: number } | undefined, index: number): string {
  if (!lines) return `row ${index + 1}`;
  return lines.first === lines.last ? `line ${lines.first}` : `lines ${lines.first}–${lines.last}`;
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
  const { settings } = preview;
  return (
    <>
      <h2>Detected settings</h2>
      <Form method="get" className="card row" aria-label="Detected settings">
        <label>
          Encoding
          <select name="encoding" defaultValue={settings.encoding}>
            {textEncodings.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <label>
          Delimiter
          <select name="delimiter" defaultValue={settings.delimiter}>
            {Object.entries(delimiterNames).map(([value, name]) => (
              <option key={name} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Quote
          <select name="quote" defaultValue={settings.quote}>
            <option value={'"'}>double "</option>
            <option value="'">single '</option>
          </select>
        </label>
        <label>
          Decimal mark
          <select name="decimalMark" defaultValue={settings.decimalMark}>
            <option value=".">1,234.56</option>
            <option value=",">1.234,56</option>
          </select>
        </label>
        <button type="submit" className="secondary">
          Re-read the file
        </button>
        <p className="muted small" style={{ flexBasis: "100%", margin: 0 }}>
          {preview.encodingReason}
          {preview.warnings.length ? ` · ${preview.warnings.join(" · ")}` : ""}
        </p>
      </Form>

      <h2>Columns</h2>
      <Form method="post" className="stack" aria-label="Column mapping">
        {Object.entries(settings).map(([key, value]) =>
          key === "bom" ? null : <input key={key} type="hidden" name={key} value={String(value)} />,
        )}
        <div className="scroll-x">
          <table className="data">
            <thead>
              <tr>
                <th>Column in the file</th>
                <th>Field</th>
                <th>Dates</th>
                {preview.rows.slice(0, 5).map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                  <th key={i} className="muted small">
                    {linesLabel(preview.rowLines[i], i)}
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
                        <div className="muted small">guessed — please check</div>
                      ) : null}
                    </td>
                    <td>
                      <select
                        name={`map:${col}`}
                        defaultValue={mapped}
                        aria-label={`Field for column ${header}`}
                        disabled={!canEdit}
                      >
                        <option value="">
                          {preview.columns[col]?.role === "attribute"
                            ? "(keep as attribute)"
                            : "(ignore)"}
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
                          aria-label={`Date format of ${header}`}
                          required
                          defaultValue=""
                        >
                          <option value="" disabled>
                            ambiguous: choose…
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
                              {" "}
                              — settled by line {dates.settledBy.line} (value{" "}
                              {dates.settledBy.value})
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
          <p className="muted small">{preview.omitted.join(" ")}</p>
        ) : null}
        {!preview.mappingCheck.ok ? (
          <p className="warn">
            {preview.mappingCheck.problems.join("; ")}
            {preview.mappingCheck.missing.length
              ? ` (missing: ${preview.mappingCheck.missing.join(", ")})`
              : ""}
          </p>
        ) : null}
        <PreviewChecks preview={preview} />
        {canEdit ? (
          <div>
            <button type="submit" disabled={busy}>
              Import {preview.sampleRowCount >= 1 ? "the whole file" : ""}
            </button>
          </div>
        ) : null}
      </Form>
    </>
  );
}

function PreviewChecks({ preview }: { preview: DisplayedPreview }) {
  const problems = preview.checks.flatMap((check, i) =>
    check.errors.map((e) => {
      const lines = preview.rowLines[i];
      const where = lines ? linesLabel(lines, i).replace(/^l/, "L") : `Row ${i + 1}`;
      return `${where}, column "${e.column}": ${e.reason}`;
    }),
  );
  if (problems.length === 0)
    return <p className="muted small">The first {preview.rows.length} rows read cleanly.</p>;
  return (
    <details>
      <summary className="warn">
        {problems.length} problem(s) in the first {preview.rows.length} rows (those rows will be
        rejected and kept for you)
      </summary>
      <ul className="small">
        {problems.slice(0, 20).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </details>
  );
}

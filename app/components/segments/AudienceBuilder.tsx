import { Form } from "@remix-run/react";
import { formatInteger } from "~/format";
import type { FieldErrors } from "~/forms.server";
import type { AudienceMember } from "~/segments/audience.server";
import type { AudienceChoice } from "./audience-form";
import { excludedReasons } from "./audience-reasons";
import { AudienceFormulas } from "./HowComputed";
import { labelOf } from "./run-results";

interface Preview {
  choice: AudienceChoice;
  segment_members: number;
  count: number;
  sample: AudienceMember[];
  excluded: Record<(typeof excludedReasons)[number]["key"], number>;
}

const inline = { alignItems: "center", fontWeight: 400 } as const;

function ExportForm({
  exportPath,
  choice,
  count,
}: {
  exportPath: string;
  choice: AudienceChoice;
  count: number;
}) {
  return (
    <Form
      method="post"
      action={exportPath}
      reloadDocument
      className="card stack"
      aria-label="Export audience"
    >
      {Object.entries(choice).map(([key, value]) =>
        value === undefined ? null : (
          <input key={key} type="hidden" name={key} value={String(value)} />
        ),
      )}
      <label className="row" style={inline}>
        <input type="checkbox" name="record" /> Record these contacts (they count towards the weekly
        cap of the next audience)
      </label>
      <label>
        Audience name (optional, kept with the recorded contacts)
        <input name="audienceName" maxLength={100} />
      </label>
      <div>
        <button type="submit" disabled={count === 0}>
          Export CSV ({formatInteger(count)} contacts)
        </button>
      </div>
    </Form>
  );
}

/** Choose a segment and channel, see who can be contacted and who is left out, export. */
export function AudienceBuilder(props: {
  exportPath: string;
  labels: Record<string, string>;
  sizes: { segment: string; customers: number }[];
  categories: string[];
  query: Record<string, string>;
  runExcluded: number;
  preview: Preview | null;
  errors: FieldErrors;
}) {
  const { labels, sizes, categories, query, preview, errors } = props;
  const firstError = Object.values(errors).find(Boolean);
  return (
    <>
      <h2>Build an audience</h2>
      <p className="muted small">
        Only members of this run can be chosen: the run already left out{" "}
        {formatInteger(props.runExcluded)} customers without data-processing consent.
      </p>
      <Form method="get" className="card stack" aria-label="Audience">
        <div className="row">
          <label>
            Segment
            <select name="segment" defaultValue={query.segment ?? sizes[0]?.segment}>
              {sizes.map((s) => (
                <option key={s.segment} value={s.segment}>
                  {labelOf(labels, s.segment)} ({formatInteger(s.customers)})
                </option>
              ))}
            </select>
          </label>
          <label>
            Contact channel
            <select name="channel" defaultValue={query.channel ?? "sms"}>
              <option value="sms">SMS</option>
              <option value="email">E-mail</option>
            </select>
          </label>
          <label>
            Interested in (optional)
            <select name="category" defaultValue={query.category ?? ""}>
              <option value="">any category</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Weekly contact cap (optional)
            <input
              name="cap"
              type="number"
              min={1}
              max={100}
              step={1}
              defaultValue={query.cap ?? ""}
            />
          </label>
          <label>
            Cap counts contacts on
            <select name="capScope" defaultValue={query.capScope ?? "all-channels"}>
              <option value="all-channels">all channels</option>
              <option value="this-channel">this channel only</option>
            </select>
          </label>
        </div>
        {firstError ? (
          <p className="form-error" role="alert">
            {firstError}
          </p>
        ) : null}
        <div>
          <button type="submit" className="secondary">
            Preview audience
          </button>
        </div>
      </Form>
      {preview ? (
        <section aria-label="Audience preview">
          <div className="stats">
            <div>
              <strong>{formatInteger(preview.segment_members)}</strong>
              <span>in the segment</span>
            </div>
            <div>
              <strong data-testid="audience-count">{formatInteger(preview.count)}</strong>
              <span>can be contacted by {preview.choice.channel === "sms" ? "SMS" : "e-mail"}</span>
            </div>
          </div>
          <table className="data" aria-label="Excluded customers">
            <thead>
              <tr>
                <th>Left out because</th>
                <th>Customers</th>
              </tr>
            </thead>
            <tbody>
              {excludedReasons.map((reason) => (
                <tr key={reason.key}>
                  <td>
                    {reason.label}
                    <div className="muted small">{reason.detail}</div>
                  </td>
                  <td data-testid={`excluded-${reason.key}`}>
                    {formatInteger(preview.excluded[reason.key])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.sample.length > 0 ? (
            <p className="small muted">
              First {preview.sample.length}:{" "}
              {preview.sample.map((m) => m.name ?? `#${m.customer_id}`).join(", ")}
            </p>
          ) : null}
          <ExportForm exportPath={props.exportPath} choice={preview.choice} count={preview.count} />
        </section>
      ) : null}
      <AudienceFormulas />
    </>
  );
}

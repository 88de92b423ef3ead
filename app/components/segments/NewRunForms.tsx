import { Form, useNavigation, useParams } from "@remix-run/react";
import { EmptyBecauseOfBasis } from "~/components/BasisNote";
import { humanLabel } from "~/components/labels";
import { exclusionWording } from "~/customers/processing-basis";
import { formatInteger } from "~/format";
import type { FieldErrors } from "~/forms.server";
import type { FeatureInfo, FeatureList } from "~/segments/feature-list.server";
import { formatDecimal } from "./numbers";

const sourceLabels: Record<string, string> = {
  rfm: "RFM",
  profile: "profile",
  attribute: "attribute",
  category: "category spend",
};

/**
 * The name shown for a feature: spend per category keeps the feature list's label, which has
 * the category as uploaded ("Spend on Health & Beauty"); the others use the same labels as
 * the run's results, so a feature reads the same when picked and in the cluster profiles.
 */
function featureLabel(feature: FeatureInfo): string {
  return feature.source === "category" ? feature.label : humanLabel(feature.name);
}

/** Where a feature comes from; RFM features add the feature list's plain description. */
function featureHint(feature: FeatureInfo): string {
  const source = sourceLabels[feature.source] ?? feature.source;
  return feature.source === "rfm" ? `${feature.label} · ${source}` : source;
}

function ErrorText({ message }: { message: string | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The two ways to start an analysis: RFM, or k-means on features the user picks. */
export function NewRunForms({ features, errors }: { features: FeatureList; errors: FieldErrors }) {
  const busy = useNavigation().state === "submitting";
  const { workspace } = useParams();
  const incomplete = features.features.some((f) => f.missing > 0);
  return (
    <div
      className="grid-cards"
      style={{ gridTemplateColumns: "minmax(16rem, 1fr) minmax(24rem, 2.5fr)" }}
    >
      {features.empty_reason ? (
        <div style={{ gridColumn: "1 / -1" }}>
          <EmptyBecauseOfBasis
            basis={features.processing_basis}
            excluded={features.excluded_without_consent}
            slug={workspace}
          />
        </div>
      ) : null}
      <Form
        method="post"
        className="card stack"
        aria-label="Run RFM"
        style={{ alignSelf: "start" }}
      >
        <input type="hidden" name="intent" value="rfm" />
        <h2 style={{ marginTop: 0 }}>RFM segments</h2>
        <p className="muted small">
          Recency, frequency and monetary value per customer, scored 1–5 by quintile and named with
          the usual segment map (Champions, Loyal, At risk…).
        </p>
        <label>
          As of (optional)
          <input type="date" name="asOf" aria-describedby="asof-hint" />
        </label>
        <span id="asof-hint" className="muted small">
          Default: the day after the last transaction ({features.reference_date}).
        </span>
        <ErrorText message={errors.asOf} />
        <div>
          <button type="submit" disabled={busy}>
            Run RFM
          </button>
        </div>
      </Form>

      <Form method="post" className="card stack" aria-label="Cluster customers">
        <input type="hidden" name="intent" value="cluster" />
        <h2 style={{ marginTop: 0 }}>k-means clusters</h2>
        <p className="muted small">
          {formatInteger(features.customers)} customers may be analysed (
          {formatInteger(features.excluded_without_consent)}{" "}
          {exclusionWording(features.processing_basis)} are left out). Features are standardised
          (z-scores) before clustering.
        </p>
        {features.features.length === 0 ? (
          <p className="muted">No features yet: upload customers and transactions first.</p>
        ) : (
          <div className="scroll-x">
            <table className="data" aria-label="Features">
              <thead>
                <tr>
                  <th>Use</th>
                  <th>Feature</th>
                  <th>Customers with / without a value</th>
                  <th>Skewness</th>
                  <th>Log</th>
                </tr>
              </thead>
              <tbody>
                {features.features.map((f) => (
                  <tr key={f.name}>
                    <td>
                      <input
                        type="checkbox"
                        name="features"
                        value={f.name}
                        id={`feature-${f.name}`}
                      />
                    </td>
                    <td>
                      <label htmlFor={`feature-${f.name}`}>{featureLabel(f)}</label>
                      <div className="muted small">{featureHint(f)}</div>
                    </td>
                    <td>
                      {formatInteger(f.present)} /{" "}
                      {f.missing ? <span className="warn">{formatInteger(f.missing)}</span> : 0}
                    </td>
                    <td>
                      {formatDecimal(f.skewness)}
                      {f.suggest_log ? (
                        <div className="warn small">skewed (|g₁| &gt; 1): log suggested</div>
                      ) : null}
                    </td>
                    <td>
                      {f.suggest_log ? (
                        <label
                          className="row small"
                          style={{ alignItems: "center", fontWeight: 400 }}
                        >
                          <input
                            type="checkbox"
                            name="log"
                            value={f.name}
                            defaultChecked
                            aria-label={`Log-transform ${featureLabel(f)}`}
                          />
                          ln(1 + |x|)
                        </label>
                      ) : (
                        <span className="muted small">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ErrorText message={errors.features} />
        <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="small">Customers with a missing value in a chosen feature</legend>
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="radio" name="missing" value="drop" defaultChecked /> leave them out
            (counted on the run page)
          </label>
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="radio" name="missing" value="median" /> give them the feature's median
          </label>
          {incomplete ? null : <span className="muted small">No feature has missing values.</span>}
        </fieldset>
        <div className="row">
          <label>
            Number of clusters k
            <select name="k" defaultValue="auto">
              <option value="auto">auto (best silhouette, 2–10)</option>
              {[2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            Seed
            <input
              type="number"
              name="seed"
              defaultValue={42}
              min={0}
              step={1}
              style={{ width: "7rem" }}
            />
          </label>
        </div>
        <ErrorText message={errors.k ?? errors.seed ?? errors.missing ?? errors.intent} />
        <div>
          <button type="submit" disabled={busy || features.features.length === 0}>
            Cluster customers
          </button>
        </div>
      </Form>
    </div>
  );
}

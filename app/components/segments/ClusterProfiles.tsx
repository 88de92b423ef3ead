import { Form, Link } from "@remix-run/react";
import { CurrencyNote } from "~/components/CurrencyNote";
import { humanLabel } from "~/components/labels";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { formatInteger } from "~/format";
import { formatFeatureValue, isAmountFeature } from "./money";
import { formatChange, formatDecimal, formatPercent } from "./numbers";
import { type ClusterRunResult, labelOf } from "./run-results";

type Profile = ClusterRunResult["profiles"][number];

/** Genders are stored as buckets (female, male, other); cities as written, so kept as is. */
function categoryValue(category: string, value: string): string {
  return category === "gender" ? humanLabel(value) : value;
}

function RenameForm({ profile, name }: { profile: Profile; name: string }) {
  return (
    <Form method="post" className="row">
      <input type="hidden" name="cluster" value={profile.cluster} />
      <label>
        Name of cluster {profile.cluster}
        <input name="name" defaultValue={name} maxLength={80} required />
      </label>
      <button type="submit" className="secondary">
        Save name
      </button>
    </Form>
  );
}

/** Per cluster: size, each feature's mean against the overall mean, and the top categories. */
export function ClusterProfiles(props: {
  result: ClusterRunResult;
  labels: Record<string, string>;
  base: string;
  canEdit: boolean;
  money: ReportingCurrency;
  error: string | null;
}) {
  const { result, labels, base, money } = props;
  return (
    <div className="stack" style={{ display: "grid", gap: "1rem" }}>
      {result.features.some(isAmountFeature) ? <CurrencyNote money={money} /> : null}
      {props.error ? (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      {result.profiles.map((profile) => {
        const name = labelOf(labels, profile.suggestedName);
        return (
          <section key={profile.cluster} className="card" aria-label={`Cluster ${profile.cluster}`}>
            <h3 style={{ marginTop: 0 }}>
              {name}{" "}
              <span className="muted small">
                cluster {profile.cluster} · {formatInteger(profile.size)} customers (
                {formatPercent(profile.share)})
              </span>
            </h3>
            {name !== profile.suggestedName ? (
              <p className="muted small">Suggested name: {profile.suggestedName}</p>
            ) : null}
            <p className="small">
              <Link to={`${base}/members?segment=${encodeURIComponent(profile.suggestedName)}`}>
                See the customers of this cluster
              </Link>
            </p>
            <table className="data small">
              <thead>
                <tr>
                  <th>Feature</th>
                  <th>Cluster mean</th>
                  <th>Overall mean</th>
                  <th>Difference</th>
                  <th>Effect (σ)</th>
                </tr>
              </thead>
              <tbody>
                {profile.features.map((f) => (
                  <tr key={f.name}>
                    <td>{humanLabel(f.name)}</td>
                    <td>{formatFeatureValue(f.name, f.mean, money.currency)}</td>
                    <td>{formatFeatureValue(f.name, f.overallMean, money.currency)}</td>
                    <td>{formatChange(f.relativeDifference)}</td>
                    <td>{formatDecimal(f.standardizedDifference)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {profile.categories.map((category) =>
              category.top.length > 0 ? (
                <p key={category.name} className="small">
                  <strong>{humanLabel(category.name)}:</strong>{" "}
                  {category.top
                    .map(
                      (t) =>
                        `${categoryValue(category.name, t.value)} ${formatPercent(t.share, 0)} (overall ${formatPercent(t.overallShare, 0)})`,
                    )
                    .join(" · ")}
                </p>
              ) : null,
            )}
            {props.canEdit ? <RenameForm profile={profile} name={name} /> : null}
          </section>
        );
      })}
    </div>
  );
}

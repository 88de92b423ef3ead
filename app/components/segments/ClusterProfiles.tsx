import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CurrencyNote } from "~/components/CurrencyNote";
import { humanLabel } from "~/components/labels";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { formatInteger } from "~/format";
import { useMessage } from "~/i18n/message";
import { formatFeatureValue, isAmountFeature } from "./money";
import { formatChange, formatDecimal, formatPercent } from "./numbers";
import { type ClusterRunResult, labelOf } from "./run-results";

type Profile = ClusterRunResult["profiles"][number];

/** Genders are stored as buckets (female, male, other); cities as written, so kept as is. */
function categoryValue(category: string, value: string): string {
  return category === "gender" ? humanLabel(value) : value;
}

function RenameForm({ profile, name }: { profile: Profile; name: string }) {
  const { t } = useTranslation("segments");
  return (
    <Form method="post" className="row">
      <input type="hidden" name="cluster" value={profile.cluster} />
      <label>
        {t("clusterProfiles.nameOf", { cluster: profile.cluster })}
        <input name="name" defaultValue={name} maxLength={80} required />
      </label>
      <button type="submit" className="secondary">
        {t("clusterProfiles.saveName")}
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
  const { t } = useTranslation("segments");
  const translate = useMessage();
  return (
    <div className="stack" style={{ display: "grid", gap: "1rem" }}>
      {result.features.some(isAmountFeature) ? <CurrencyNote money={money} /> : null}
      {props.error ? (
        <p className="form-error" role="alert">
          {translate(props.error)}
        </p>
      ) : null}
      {result.profiles.map((profile) => {
        const name = labelOf(labels, profile.suggestedName);
        return (
          <section
            key={profile.cluster}
            className="card"
            aria-label={t("clusterProfiles.region", { cluster: profile.cluster })}
          >
            <h3 style={{ marginTop: 0 }}>
              {name}{" "}
              <span className="muted small">
                {t("clusterProfiles.size", {
                  cluster: profile.cluster,
                  customers: formatInteger(profile.size),
                  share: formatPercent(profile.share),
                })}
              </span>
            </h3>
            {name !== profile.suggestedName ? (
              <p className="muted small">
                {t("clusterProfiles.suggested", { name: profile.suggestedName })}
              </p>
            ) : null}
            <p className="small">
              <Link to={`${base}/members?segment=${encodeURIComponent(profile.suggestedName)}`}>
                {t("clusterProfiles.seeCustomers")}
              </Link>
            </p>
            <table className="data small">
              <thead>
                <tr>
                  <th>{t("clusterProfiles.feature")}</th>
                  <th>{t("clusterProfiles.clusterMean")}</th>
                  <th>{t("clusterProfiles.overallMean")}</th>
                  <th>{t("clusterProfiles.difference")}</th>
                  <th>{t("clusterProfiles.effect")}</th>
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
                    .map((top) =>
                      t("clusterProfiles.topValue", {
                        value: categoryValue(category.name, top.value),
                        share: formatPercent(top.share, 0),
                        overall: formatPercent(top.overallShare, 0),
                      }),
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

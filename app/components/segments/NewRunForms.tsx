import { Form, useNavigation, useParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmptyBecauseOfBasis } from "~/components/BasisNote";
import { humanLabel } from "~/components/labels";
import { formatDay, formatInteger } from "~/format";
import type { FieldErrors } from "~/forms.server";
import { useMessage } from "~/i18n/message";
import type { FeatureInfo, FeatureList } from "~/segments/feature-list.server";
import { formatDecimal } from "./numbers";

/** Where features come from (catalogue keys under newRun.sources). */
const SOURCES = new Set(["rfm", "profile", "attribute", "category", "value"]);

/**
 * The name shown for a feature: spend per category keeps the feature list's label, which has
 * the category as uploaded ("Spend on Health & Beauty"); the others use the same labels as
 * the run's results, so a feature reads the same when picked and in the cluster profiles.
 */
function featureLabel(feature: FeatureInfo): string {
  return feature.source === "category" ? feature.label : humanLabel(feature.name);
}

/** Where a feature comes from; RFM features add the feature list's plain description. */
function featureHint(t: TFunction, feature: FeatureInfo): string {
  const source = SOURCES.has(feature.source)
    ? t(`newRun.sources.${feature.source}`)
    : feature.source;
  return feature.source === "rfm" ? `${feature.label} · ${source}` : source;
}

function ErrorText({ message }: { message: string | undefined }) {
  const translate = useMessage();
  return message ? (
    <p className="form-error" role="alert">
      {translate(message)}
    </p>
  ) : null;
}

/** The two ways to start an analysis: RFM, or k-means on features the user picks. */
export function NewRunForms({ features, errors }: { features: FeatureList; errors: FieldErrors }) {
  const busy = useNavigation().state === "submitting";
  const { workspace } = useParams();
  const { t } = useTranslation("segments");
  const byConsent =
    features.processing_basis === undefined || features.processing_basis === "consent";
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
        aria-label={t("newRun.runRfm")}
        style={{ alignSelf: "start" }}
      >
        <input type="hidden" name="intent" value="rfm" />
        <h2 style={{ marginTop: 0 }}>{t("newRun.rfmTitle")}</h2>
        <p className="muted small">{t("newRun.rfmIntro")}</p>
        <label>
          {t("newRun.asOf")}
          <input type="date" name="asOf" aria-describedby="asof-hint" />
        </label>
        <span id="asof-hint" className="muted small">
          {t("newRun.asOfHint", { day: formatDay(features.reference_date) })}
        </span>
        <ErrorText message={errors.asOf} />
        <div>
          <button type="submit" disabled={busy}>
            {t("newRun.runRfm")}
          </button>
        </div>
      </Form>

      <Form method="post" className="card stack" aria-label={t("newRun.cluster")}>
        <input type="hidden" name="intent" value="cluster" />
        <h2 style={{ marginTop: 0 }}>{t("newRun.clusterTitle")}</h2>
        <p className="muted small">
          {t(byConsent ? "newRun.clusterIntroConsent" : "newRun.clusterIntroObjected", {
            customers: formatInteger(features.customers),
            excluded: formatInteger(features.excluded_without_consent),
          })}
        </p>
        {features.features.length === 0 ? (
          <p className="muted">{t("newRun.noFeatures")}</p>
        ) : (
          <div className="scroll-x">
            <table className="data" aria-label={t("newRun.features")}>
              <thead>
                <tr>
                  <th>{t("newRun.use")}</th>
                  <th>{t("newRun.feature")}</th>
                  <th>{t("newRun.withWithout")}</th>
                  <th>{t("newRun.skewness")}</th>
                  <th>{t("newRun.log")}</th>
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
                      <div className="muted small">{featureHint(t, f)}</div>
                    </td>
                    <td>
                      {formatInteger(f.present)} /{" "}
                      {f.missing ? <span className="warn">{formatInteger(f.missing)}</span> : 0}
                    </td>
                    <td>
                      {formatDecimal(f.skewness)}
                      {f.suggest_log ? (
                        <div className="warn small">{t("newRun.skewed")}</div>
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
                            aria-label={t("newRun.logOf", { feature: featureLabel(f) })}
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
          <legend className="small">{t("newRun.missingLegend")}</legend>
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="radio" name="missing" value="drop" defaultChecked /> {t("newRun.drop")}
          </label>
          <label className="row" style={{ alignItems: "center", fontWeight: 400 }}>
            <input type="radio" name="missing" value="median" /> {t("newRun.median")}
          </label>
          {incomplete ? null : <span className="muted small">{t("newRun.noMissing")}</span>}
        </fieldset>
        <div className="row">
          <label>
            {t("newRun.k")}
            <select name="k" defaultValue="auto">
              <option value="auto">{t("newRun.auto")}</option>
              {[2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("newRun.seed")}
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
            {t("newRun.cluster")}
          </button>
        </div>
      </Form>
    </div>
  );
}

import { Form, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { HeatMap, type HeatRow } from "~/components/charts/HeatMap";
import { humanLabels } from "~/components/labels";
import { formatInteger } from "~/format";
import { useMessage } from "~/i18n/message";
import type { ChannelPropensityReport } from "~/segments/channel-propensity.server";
import { HowComputed } from "./HowComputed";
import { formatPercent } from "./numbers";

export type ChannelPropensityResult =
  | { propensity: ChannelPropensityReport; error?: undefined }
  | { error: string; propensity?: undefined };

/** Upload of channel users and, once scored, their mean propensity per channel and target. */
export function ChannelPropensityView({
  canEdit,
  result,
}: {
  canEdit: boolean;
  result: ChannelPropensityResult | undefined;
}) {
  const { t } = useTranslation("segments");
  // Upload errors come from the server: catalogue messages, or (not converted yet) English.
  const say = useMessage();
  const busy = useNavigation().state === "submitting";
  const target = result?.propensity?.target;
  return (
    <section className="card" style={{ marginTop: "1.5rem" }}>
      <h2>{t("propensity.title")}</h2>
      <p className="muted small">
        <Trans t={t} i18nKey="propensity.intro" components={{ code: <code /> }} />
      </p>
      {canEdit ? (
        <Form method="post" encType="multipart/form-data" className="row">
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-label={t("propensity.file")}
          />
          <label>
            {t("propensity.scorePer")}{" "}
            <select name="target" defaultValue="category">
              <option value="category">{t("propensity.targets.category")}</option>
              <option value="product">{t("propensity.targets.product")}</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t("propensity.scoring") : t("propensity.score")}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("propensity.needsEditor")}</p>
      )}
      {result?.error && (
        <p className="form-error" role="alert">
          {say(result.error)}
        </p>
      )}
      {result?.propensity && <PropensityResults report={result.propensity} />}
      <HowComputed sections="propensity">
        <p>
          {t("propensity.howIntro", {
            target:
              target === "product" || target === "category"
                ? t(`propensity.perTarget.${target}`)
                : t("propensity.perTarget.either"),
          })}
        </p>
        <pre className="mono">{t("propensity.formula")}</pre>
      </HowComputed>
    </section>
  );
}

/** "24 users scored on Age, Gender; model trained on 24 customers (2 … left out)." */
function scoredSentence(t: TFunction<"segments">, report: ChannelPropensityReport): string {
  const byConsent = report.processing_basis === undefined || report.processing_basis === "consent";
  const sentence = t("propensity.scored", {
    users: t("propensity.usersScored", {
      count: report.users_scored,
      features: humanLabels(report.features, t("propensity.noFeatures")),
    }),
    trained: t("propensity.trainedOn", { count: report.customers_trained_on }),
    leftOut: byConsent
      ? t("propensity.leftOutConsent", { count: report.excluded_without_consent })
      : t("propensity.leftOutObjected", { count: report.excluded_without_consent }),
  });
  return report.ignored_columns.length > 0
    ? `${sentence} ${t("propensity.ignored", { columns: report.ignored_columns.join(", ") })}`
    : sentence;
}

function PropensityResults({ report }: { report: ChannelPropensityReport }) {
  const { t } = useTranslation("segments");
  const say = useMessage();
  const targets = report.targets.map((target) => target.name);
  const rows: HeatRow[] = report.channels.map((c) => ({
    id: c.channel,
    data: targets.map((target) => ({ x: target, y: (c.mean_propensity[target] ?? 0) * 100 })),
  }));
  return (
    <>
      <p className="small">{scoredSentence(t, report)}</p>
      {report.bad_rows > 0 && (
        <div className="form-error" role="alert">
          {t("propensity.badRows", { count: report.bad_rows })}
          <ul>
            {report.problems.map((p) => (
              <li key={p}>{say(p)}</li>
            ))}
          </ul>
        </div>
      )}
      <HeatMap
        rows={rows}
        height={Math.max(240, 60 + rows.length * 36)}
        valueFormat={(v) => formatPercent(v / 100)}
      />
      <div className="scroll-x">
        <table aria-label={t("propensity.table")}>
          <thead>
            <tr>
              <th>{t("propensity.channel")}</th>
              <th>{t("propensity.users")}</th>
              {targets.map((target) => (
                <th key={target}>{target}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.channels.map((c) => (
              <tr key={c.channel}>
                <td>{c.channel}</td>
                <td>{formatInteger(c.users)}</td>
                {targets.map((target) => (
                  <td key={target}>{formatPercent(c.mean_propensity[target])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { customerLabel } from "~/components/customer-label";
import type { ReportingCurrency } from "~/customers/reporting-currency.server";
import { formatInteger, formatMoney } from "~/format";
import type { FieldErrors } from "~/forms.server";
import { useMessage } from "~/i18n/message";
import type { AudienceMember } from "~/segments/audience.server";
import type { AudienceChoice } from "./audience-form";
import { excludedReasons } from "./audience-reasons";
import { AudienceFormulas } from "./HowComputed";
import { labelOf } from "./run-results";
import { segmentName } from "./segment-names";

interface Preview {
  choice: AudienceChoice;
  segment_members: number;
  count: number;
  sample: (AudienceMember & { predicted_value: number | null })[];
  /** Horizon of the latest value model; null before any training. */
  valueHorizonDays: number | null;
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
  const { t } = useTranslation("segments");
  return (
    <Form
      method="post"
      action={exportPath}
      reloadDocument
      className="card stack"
      aria-label={t("audience.export")}
    >
      {Object.entries(choice).map(([key, value]) =>
        value === undefined ? null : (
          <input key={key} type="hidden" name={key} value={String(value)} />
        ),
      )}
      <label className="row" style={inline}>
        <input type="checkbox" name="record" /> {t("audience.record")}
      </label>
      <label>
        {t("audience.name")}
        <input name="audienceName" maxLength={100} />
      </label>
      <div>
        <button type="submit" disabled={count === 0}>
          {t("audience.exportCsv", { n: formatInteger(count) })}
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
  money: ReportingCurrency;
  preview: Preview | null;
  errors: FieldErrors;
}) {
  const { labels, sizes, categories, query, preview, errors } = props;
  const firstError = Object.values(errors).find(Boolean);
  const { t } = useTranslation("segments");
  const { t: tValue } = useTranslation("value");
  const translate = useMessage();
  return (
    <>
      <h2>{t("audience.title")}</h2>
      <p className="muted small">{t("audience.intro", { n: formatInteger(props.runExcluded) })}</p>
      <Form method="get" className="card stack" aria-label={t("audience.form")}>
        <div className="row">
          <label>
            {t("audience.segment")}
            <select name="segment" defaultValue={query.segment ?? sizes[0]?.segment}>
              {sizes.map((s) => (
                <option key={s.segment} value={s.segment}>
                  {t("audience.option", {
                    segment: segmentName(t, labelOf(labels, s.segment)),
                    n: formatInteger(s.customers),
                  })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("audience.channel")}
            <select name="channel" defaultValue={query.channel ?? "sms"}>
              <option value="sms">SMS</option>
              <option value="email">{t("audience.email")}</option>
            </select>
          </label>
          <label>
            {t("audience.interested")}
            <select name="category" defaultValue={query.category ?? ""}>
              <option value="">{t("audience.anyCategory")}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("audience.cap")}
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
            {t("audience.capScope")}
            <select name="capScope" defaultValue={query.capScope ?? "all-channels"}>
              <option value="all-channels">{t("audience.allChannels")}</option>
              <option value="this-channel">{t("audience.thisChannel")}</option>
            </select>
          </label>
        </div>
        {firstError ? (
          <p className="form-error" role="alert">
            {translate(firstError)}
          </p>
        ) : null}
        <div>
          <button type="submit" className="secondary">
            {t("audience.preview")}
          </button>
        </div>
      </Form>
      {preview ? (
        <section aria-label={t("audience.previewLabel")}>
          <div className="stats">
            <div>
              <strong>{formatInteger(preview.segment_members)}</strong>
              <span>{t("audience.inSegment")}</span>
            </div>
            <div>
              <strong data-testid="audience-count">{formatInteger(preview.count)}</strong>
              <span>
                {t(
                  preview.choice.channel === "sms"
                    ? "audience.canContactSms"
                    : "audience.canContactEmail",
                )}
              </span>
            </div>
          </div>
          <table className="data" aria-label={t("audience.excludedTable")}>
            <thead>
              <tr>
                <th>{t("audience.leftOutBecause")}</th>
                <th>{t("audience.customers")}</th>
              </tr>
            </thead>
            <tbody>
              {excludedReasons.map((reason) => (
                <tr key={reason.key}>
                  <td>
                    {t(`audience.reasons.${reason.key}.label`)}
                    <div className="muted small">{t(`audience.reasons.${reason.key}.detail`)}</div>
                  </td>
                  <td data-testid={`excluded-${reason.key}`}>
                    {formatInteger(preview.excluded[reason.key])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.sample.length > 0 ? (
            <table data-testid="audience-sample">
              <caption className="small muted">
                {t("audience.first", { n: formatInteger(preview.sample.length) })}
              </caption>
              <thead>
                <tr>
                  <th>{t("audience.customer")}</th>
                  <th>
                    {preview.valueHorizonDays === null
                      ? t("audience.predictedValue")
                      : tValue("column", { days: preview.valueHorizonDays })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((m) => (
                  <tr key={m.customer_id}>
                    <td>
                      {customerLabel({ name: m.name, externalId: m.external_id }) ??
                        t("common:customer.unnamed")}
                    </td>
                    <td data-testid="audience-predicted-value">
                      {formatMoney(m.predicted_value, props.money.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <ExportForm exportPath={props.exportPath} choice={preview.choice} count={preview.count} />
        </section>
      ) : null}
      <AudienceFormulas />
    </>
  );
}

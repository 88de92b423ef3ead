import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CurrencyNote } from "~/components/CurrencyNote";
import { NextBestOffers } from "~/components/customers/NextBestOffers";
import { humanLabel } from "~/components/labels";
import { PredictedValue } from "~/components/value/PredictedValue";
import { hasObjected } from "~/customers/analysable.server";
import { ErasureBlockedError, eraseCustomer } from "~/customers/erase.server";
import { MERGE_RULES } from "~/customers/merge.server";
import { recordObjection } from "~/customers/objection.server";
import { getCustomerProfile, recentSaleLines } from "~/customers/queries.server";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { predictedValueOf } from "~/customers/value-of-customers.server";
import { formatAsWritten, formatInteger, formatMoney } from "~/format";
import { parseForm } from "~/forms.server";
import { message, useMessage } from "~/i18n/message";
import { customerOffers } from "~/notifications/stored-offers.server";
import { notFound, requireWorkspace } from "~/workspace.server";

/** Sale lines listed on the page, newest first. */
const SALES_LISTED = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, role } = await requireWorkspace(request, params);
  const id = Number(params.customer);
  const profile = Number.isInteger(id) ? getCustomerProfile(scope, id) : undefined;
  // A person the legal basis leaves out of analyses is shown to owners only (as on the list).
  if (!profile || (!profile.analysable && role !== "owner")) throw notFound();
  return {
    profile,
    sales: recentSaleLines(
      scope,
      id,
      profile.sources.map((s) => s.externalId),
      SALES_LISTED,
    ),
    rules: MERGE_RULES,
    canErase: role !== "viewer",
    canObject: role !== "viewer" && !hasObjected(profile.customer.consentDataProcessing),
    money: reportingCurrency(scope),
    offers: customerOffers(scope, id),
    predictedValue: predictedValueOf(scope, id),
  };
}

/** "erase" (the default, for a form without an intent) or "object". */
const CustomerActionSchema = z.object({
  intent: z.enum(["erase", "object"]).default("erase"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, workspace, user } = await requireWorkspace(request, params, "editor");
  const id = Number(params.customer);
  if (!Number.isInteger(id) || !getCustomerProfile(scope, id)) throw notFound();
  const form = parseForm(
    await request.formData().catch(() => new FormData()),
    CustomerActionSchema,
  );
  if (!form.ok)
    return { error: form.errors.intent ?? message("data:customers.profile.unknownAction") };
  if (form.data.intent === "object") {
    recordObjection(scope, id, user.id);
    return redirect(`/w/${workspace.slug}/customers/${id}?objected=1`);
  }
  let walCheckpointed: boolean;
  try {
    ({ walCheckpointed } = eraseCustomer(scope, { customerId: id }, user.id));
  } catch (error) {
    if (error instanceof ErasureBlockedError) return { error: error.message };
    throw error;
  }
  // The list page confirms the erasure, and says when old copies wait in the WAL file.
  return redirect(`/w/${workspace.slug}/customers?erased=${walCheckpointed ? "1" : "wal"}`);
}

export default function CustomerPage() {
  const { profile, sales, rules, canErase, canObject, money, predictedValue } =
    useLoaderData<typeof loader>();
  const erasure = useActionData<typeof action>();
  const { t } = useTranslation("data");
  const translate = useMessage();
  const { offers } = useLoaderData<typeof loader>();
  const c = profile.customer;
  const consent = (
    purpose: "dataProcessing" | "email" | "sms",
    value: boolean | null,
    at: string | null,
    source: string | null,
  ) => (
    <tr key={purpose}>
      <td>{t(`customers.profile.purposes.${purpose}`)}</td>
      <td>
        {t(
          value === null
            ? "customers.profile.unknown"
            : value
              ? "customers.profile.yes"
              : "customers.profile.no",
        )}
      </td>
      <td>{formatAsWritten(at)}</td>
      <td>{source ?? "—"}</td>
    </tr>
  );
  return (
    <>
      <p className="small">
        <Link to="..">{t("customers.profile.back")}</Link>
      </p>
      <h1>
        {c.name ??
          (profile.sources[0]
            ? t("customers.profile.unnamed", { id: profile.sources[0].externalId })
            : t("customers.unnamed"))}
      </h1>
      <p className="muted">
        {[
          c.email,
          c.phone,
          c.city,
          c.gender ? humanLabel(c.gender) : null,
          c.birthYear ? t("customers.profile.born", { year: c.birthYear }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <div className="stats">
        <div>
          <strong data-testid="orders">{formatInteger(profile.purchases.orders)}</strong>
          <span>{t("customers.profile.orders")}</span>
        </div>
        <div>
          <strong data-testid="average-order-value">
            {formatMoney(profile.purchases.averageOrderValue, money.currency)}
          </strong>
          <span>{t("customers.profile.averageOrderValue")}</span>
        </div>
        <div>
          <strong>{formatInteger(profile.purchases.count)}</strong>
          <span>{t("customers.profile.saleLines")}</span>
        </div>
        <div>
          <strong data-testid="net-revenue">
            {formatMoney(profile.purchases.revenue, money.currency)}
          </strong>
          <span>{t("customers.profile.netRevenue")}</span>
        </div>
        <div>
          <strong>{formatAsWritten(profile.purchases.lastPurchase)}</strong>
          <span>{t("customers.profile.lastPurchase")}</span>
        </div>
      </div>
      <PredictedValue figure={predictedValue} currency={money.currency} />
      <CurrencyNote money={money} />
      <SalesList sales={sales} total={profile.purchases.count} currency={money.currency} />
      <NextBestOffers offers={offers} currency={money.currency} />
      <h2>{t("customers.profile.consent")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th>{t("customers.profile.purpose")}</th>
            <th>{t("customers.profile.given")}</th>
            <th>{t("customers.profile.since")}</th>
            <th>{t("customers.profile.source")}</th>
          </tr>
        </thead>
        <tbody>
          {consent(
            "dataProcessing",
            c.consentDataProcessing,
            c.consentDataProcessingAt,
            c.consentDataProcessingSource,
          )}
          {consent("email", c.consentEmail, c.consentEmailAt, c.consentEmailSource)}
          {consent("sms", c.consentSms, c.consentSmsAt, c.consentSmsSource)}
        </tbody>
      </table>
      {canObject ? (
        <Form method="post" className="row" style={{ marginTop: "0.5rem" }}>
          <input type="hidden" name="intent" value="object" />
          <button type="submit" className="secondary">
            {t("customers.profile.object")}
          </button>
          <span className="small muted">{t("customers.profile.objectHint")}</span>
        </Form>
      ) : null}
      <h2>{t("customers.profile.sources")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th>{t("customers.profile.source")}</th>
            <th>{t("customers.profile.idThere")}</th>
            <th>{t("customers.profile.matchedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {profile.sources.map((s) => (
            <tr key={`${s.source}:${s.externalId}`}>
              <td>{s.source}</td>
              <td>{s.externalId}</td>
              <td>{humanLabel(s.matchedBy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.attributes && Object.keys(c.attributes).length > 0 ? (
        <>
          <h2>{t("customers.profile.otherAttributes")}</h2>
          <p className="small">
            {Object.entries(c.attributes)
              .map(([k, v]) => `${humanLabel(k)}: ${String(v)}`)
              .join(" · ")}
          </p>
        </>
      ) : null}
      <details className="card" style={{ marginTop: "1.5rem" }}>
        <summary>{t("customers.profile.howMerged")}</summary>
        <ol className="small">
          {rules.map((rule, i) => (
            <li key={rule}>{t(`customers.profile.rules.${i + 1}`, { defaultValue: rule })}</li>
          ))}
        </ol>
      </details>
      {canErase ? (
        <Form
          method="post"
          style={{ marginTop: "2rem" }}
          onSubmit={(e) => {
            if (!confirm(t("customers.profile.confirmErase"))) e.preventDefault();
          }}
        >
          {erasure?.error ? (
            <p className="form-error" role="alert">
              {translate(erasure.error)}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="erase" />
          <button type="submit" className="danger">
            {t("customers.profile.erase")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

type SaleLine = ReturnType<typeof useLoaderData<typeof loader>>["sales"][number];

/**
 * The latest sale lines; the lines of one order follow each other and only the first shows
 * the order id and date, so an order reads as one block. A line without an order id stands
 * alone (it counts as an order by itself).
 */
function SalesList({
  sales,
  total,
  currency,
}: {
  sales: SaleLine[];
  total: number;
  currency: string | null;
}) {
  const { t } = useTranslation("data");
  if (sales.length === 0) return null;
  return (
    <>
      <h2>{t("customers.profile.sales")}</h2>
      <p className="muted small">
        {sales.length < total
          ? t("customers.profile.latest", {
              shown: formatInteger(sales.length),
              total: formatInteger(total),
            })
          : t("customers.profile.allLines", { total: formatInteger(total) })}
      </p>
      <div className="scroll-x">
        <table className="data" aria-label={t("customers.profile.sales")}>
          <thead>
            <tr>
              <th>{t("customers.profile.dateTime")}</th>
              <th>{t("customers.profile.order")}</th>
              <th>{t("customers.profile.product")}</th>
              <th>{t("customers.profile.quantity")}</th>
              <th>{t("customers.profile.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((line, i) => {
              const before = sales[i - 1];
              const sameOrder = line.orderId !== null && before?.orderId === line.orderId;
              return (
                <tr key={line.id} className={line.isReturn ? "muted" : undefined}>
                  <td>{sameOrder ? "" : formatAsWritten(line.occurredAt)}</td>
                  <td>{sameOrder ? "" : (line.orderId ?? "—")}</td>
                  <td>
                    {[line.productCode, line.productName].filter(Boolean).join(" · ") || "—"}
                    {line.isReturn ? t("customers.profile.return") : ""}
                  </td>
                  <td>{quantityText(line.quantity)}</td>
                  <td>{formatMoney(line.amount, currency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Whole quantities with thousands separators; weights and the like as written (1.25). */
function quantityText(quantity: number | null): string {
  if (quantity === null) return "—";
  return Number.isInteger(quantity) ? formatInteger(quantity) : String(quantity);
}

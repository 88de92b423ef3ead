import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CurrencyNote } from "~/components/CurrencyNote";
import { humanLabel } from "~/components/labels";
import { ErasureBlockedError, eraseCustomer } from "~/customers/erase.server";
import { MERGE_RULES } from "~/customers/merge.server";
import { recordObjection } from "~/customers/objection.server";
import { getCustomerProfile, recentSaleLines } from "~/customers/queries.server";
import { reportingCurrency } from "~/customers/reporting-currency.server";
import { getDb } from "~/db.server";
import { formatDateTime, formatInteger, formatMoney } from "~/format";
import { parseForm } from "~/forms.server";
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
    canObject: role !== "viewer" && profile.customer.consentDataProcessing !== false,
    money: reportingCurrency(scope),
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
  if (!form.ok) return { error: form.errors.intent ?? "Unknown action" };
  if (form.data.intent === "object") {
    recordObjection(scope, id, user.id);
    return redirect(`/w/${workspace.slug}/customers/${id}?objected=1`);
  }
  let walCheckpointed: boolean;
  try {
    ({ walCheckpointed } = eraseCustomer(getDb(), workspace.id, { customerId: id }, user.id));
  } catch (error) {
    if (error instanceof ErasureBlockedError) return { error: error.message };
    throw error;
  }
  // The list page confirms the erasure, and says when old copies wait in the WAL file.
  return redirect(`/w/${workspace.slug}/customers?erased=${walCheckpointed ? "1" : "wal"}`);
}

export default function CustomerPage() {
  const { profile, sales, rules, canErase, canObject, money } = useLoaderData<typeof loader>();
  const erasure = useActionData<typeof action>();
  const c = profile.customer;
  const consent = (
    label: string,
    value: boolean | null,
    at: string | null,
    source: string | null,
  ) => (
    <tr key={label}>
      <td>{label}</td>
      <td>{value === null ? "unknown" : value ? "yes" : "no"}</td>
      <td>{formatDateTime(at)}</td>
      <td>{source ?? "—"}</td>
    </tr>
  );
  return (
    <>
      <p className="small">
        <Link to="..">← Customers</Link>
      </p>
      <h1>{c.name ?? `Customer #${c.id}`}</h1>
      <p className="muted">
        {[
          c.email,
          c.phone,
          c.city,
          c.gender ? humanLabel(c.gender) : null,
          c.birthYear ? `born ${c.birthYear}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <div className="stats">
        <div>
          <strong data-testid="orders">{formatInteger(profile.purchases.orders)}</strong>
          <span>orders</span>
        </div>
        <div>
          <strong data-testid="average-order-value">
            {formatMoney(profile.purchases.averageOrderValue, money.currency)}
          </strong>
          <span>average order value</span>
        </div>
        <div>
          <strong>{formatInteger(profile.purchases.count)}</strong>
          <span>sale lines</span>
        </div>
        <div>
          <strong data-testid="net-revenue">
            {formatMoney(profile.purchases.revenue, money.currency)}
          </strong>
          <span>net revenue</span>
        </div>
        <div>
          <strong>{formatDateTime(profile.purchases.lastPurchase)}</strong>
          <span>last purchase</span>
        </div>
      </div>
      <CurrencyNote money={money} />
      <SalesList sales={sales} total={profile.purchases.count} currency={money.currency} />
      <h2>Consent</h2>
      <table className="data">
        <thead>
          <tr>
            <th>Purpose</th>
            <th>Given</th>
            <th>Since</th>
            <th>Source</th>
          </tr>
        </thead>
        <tbody>
          {consent(
            "Data processing",
            c.consentDataProcessing,
            c.consentDataProcessingAt,
            c.consentDataProcessingSource,
          )}
          {consent("E-mail", c.consentEmail, c.consentEmailAt, c.consentEmailSource)}
          {consent("SMS", c.consentSms, c.consentSmsAt, c.consentSmsSource)}
        </tbody>
      </table>
      {canObject ? (
        <Form method="post" className="row" style={{ marginTop: "0.5rem" }}>
          <input type="hidden" name="intent" value="object" />
          <button type="submit" className="secondary">
            Record an objection to processing
          </button>
          <span className="small muted">
            Stores data-processing consent as "no" (source: customer page): every analysis leaves
            this person out, whatever the workspace's legal basis.
          </span>
        </Form>
      ) : null}
      <h2>Sources</h2>
      <table className="data">
        <thead>
          <tr>
            <th>Source</th>
            <th>Id there</th>
            <th>Matched by</th>
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
          <h2>Other attributes</h2>
          <p className="small">
            {Object.entries(c.attributes)
              .map(([k, v]) => `${humanLabel(k)}: ${String(v)}`)
              .join(" · ")}
          </p>
        </>
      ) : null}
      <details className="card" style={{ marginTop: "1.5rem" }}>
        <summary>How records are merged into one profile</summary>
        <ol className="small">
          {rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ol>
      </details>
      {canErase ? (
        <Form
          method="post"
          style={{ marginTop: "2rem" }}
          onSubmit={(e) => {
            if (!confirm("Erase this person from every table? This cannot be undone."))
              e.preventDefault();
          }}
        >
          {erasure?.error ? (
            <p className="form-error" role="alert">
              {erasure.error}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="erase" />
          <button type="submit" className="danger">
            Erase this person (right to erasure)
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
  if (sales.length === 0) return null;
  return (
    <>
      <h2>Sales</h2>
      <p className="muted small">
        {sales.length < total
          ? `The latest ${formatInteger(sales.length)} of ${formatInteger(total)} lines.`
          : `${formatInteger(total)} lines.`}
      </p>
      <div className="scroll-x">
        <table className="data" aria-label="Sales">
          <thead>
            <tr>
              <th>Date and time</th>
              <th>Order</th>
              <th>Product</th>
              <th>Quantity</th>
              <th>Amount</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((line, i) => {
              const before = sales[i - 1];
              const sameOrder = line.orderId !== null && before?.orderId === line.orderId;
              return (
                <tr key={line.id} className={line.isReturn ? "muted" : undefined}>
                  <td>{sameOrder ? "" : formatDateTime(line.occurredAt)}</td>
                  <td>{sameOrder ? "" : (line.orderId ?? "—")}</td>
                  <td>
                    {[line.productCode, line.productName].filter(Boolean).join(" · ") || "—"}
                    {line.isReturn ? " (return)" : ""}
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

import type { ReactNode } from "react";
import { ANALYTICS_DOC } from "./run-results";

/**
 * "How this is computed": the formulas behind a page's figures, as written in
 * docs/analytics.md (the section is cited so every number can be checked by hand).
 */
export function HowComputed({ sections, children }: { sections: string; children: ReactNode }) {
  return (
    <details className="card small" style={{ marginTop: "1.5rem" }}>
      <summary>How this is computed</summary>
      {children}
      <p className="muted">
        Source: <code>{ANALYTICS_DOC}</code> {sections}.
      </p>
    </details>
  );
}

function Formula({ children }: { children: ReactNode }) {
  return <pre className="mono">{children}</pre>;
}

export function RfmFormulas() {
  return (
    <HowComputed sections="§1 RFM">
      <p>
        Per customer with data-processing consent, using the transactions before the reference date
        D:
      </p>
      <Formula>
        {`Recency   = D − day of the last purchase (days; returns are not purchases)
Frequency = number of orders with a purchase line (lines sharing an order id are one
            order; a line without an order id is an order by itself)
Monetary  = Σ purchase amounts − Σ |return amounts|
Average order value = Monetary / Frequency`}
      </Formula>
      <p>
        Scores 1–5 by mid-rank quintile (tied values share a score; for recency, fewer days scores
        higher):
      </p>
      <Formula>{"p = (below + equal / 2) / n,   score = min(5, 1 + ⌊5 p⌋)"}</Formula>
      <p>
        The segment is looked up in the R × FM grid with FM = round((F + M) / 2), halves rounded up.
      </p>
      <Formula>
        {`share         = customers in the segment / customers scored
revenue share = Σ monetary of the segment / Σ monetary of all scored customers`}
      </Formula>
    </HowComputed>
  );
}

export function ClusterFormulas() {
  return (
    <HowComputed sections="§2 feature preparation, §3 clustering, §4 projection, §5 profiles">
      <Formula>
        {`missing values: leave the customer out, or use the feature's median
log (if ticked): t(x) = sign(x) · ln(1 + |x|)
z = (x − mean) / σ   (σ: population standard deviation)
inertia W = Σ ‖xᵢ − centre(xᵢ)‖²   (k-means++, 10 seeded starts per k)
silhouette s(i) = (b − a) / max(a, b)
chosen k = the k in 2..10 with the highest mean silhouette (ties → smaller k), unless fixed`}
      </Formula>
      <p>
        The scatter shows the first two principal components of the standardised features. A
        cluster's profile compares each feature's mean in the cluster with the overall mean; the
        effect is (cluster mean − overall mean) / overall σ, and features with |effect| ≥ 0.5 name
        the cluster (at most two).
      </p>
    </HowComputed>
  );
}

export function ChannelFormulas() {
  return (
    <HowComputed sections="§6 divergence, §7 channel score">
      <Formula>
        {`similarity    = Σ_d (1 − JS_d) / number of dimensions compared (age, gender, interests…)
JS(P, Q)      = ½ KL(P‖M) + ½ KL(Q‖M),  M = (P + Q) / 2,  log₂
score         = similarity × effectiveness
effectiveness = mean of (conversions / spend) / best and ROAS / best ROAS   (past campaigns)
              = ln(1 + visits × seconds / max(bounce, 1 %)) / best          (traffic only)
              = 0.5                                                          (no data)`}
      </Formula>
      <p>
        A segment's interests count customers with positive net spend in a category whose name
        matches the channel's interest.
      </p>
    </HowComputed>
  );
}

export function ProductFormulas() {
  return (
    <HowComputed sections="§8 lift, §9 association rules, §11 category interest">
      <Formula>
        {`p₀   = buyers of the item / all customers          (base rate)
lift = ((x + 10·p₀) / (n + 10)) / p₀               (x of n segment customers bought it)
95 % interval: Wilson score interval on (x + 10·p₀, n + 10), divided by p₀
items are ranked by the interval's lower bound`}
      </Formula>
      <Formula>
        {`basket = one customer's purchases on one day
support s = baskets with A and C / all baskets
confidence = baskets with A and C / baskets with A
lift = confidence / (baskets with C / all baskets)`}
      </Formula>
      <p>
        Next best product: items not yet bought that a rule A → item suggests for a customer who
        bought all of A, best rule confidence first. Interests: Σ amount · 0.5^(days ago / 90) per
        category, top 3.
      </p>
    </HowComputed>
  );
}

export function AudienceFormulas() {
  return (
    <HowComputed sections="§12 audiences, consent and contact frequency">
      <p>
        Each segment member is checked in this order and counted once, under the first check that
        fails:
      </p>
      <ol>
        <li>
          category interest (if chosen): the category is among the customer's top 3 interests;
        </li>
        <li>data-processing consent is recorded as yes (missing counts as no);</li>
        <li>channel consent: SMS needs SMS consent, e-mail needs e-mail consent;</li>
        <li>frequency cap: contacts in the 7 days before the send &lt; the weekly cap.</li>
      </ol>
    </HowComputed>
  );
}

/**
 * A segment run's Products tab: lift by segment, association rules and next-best products.
 * The page passes `interactive`, so the thresholds can be changed; a saved report renders the
 * same view with the form disabled and without the next-best customers (it keeps their count).
 */
import type { SerializeFrom } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { loader as workspaceLoader } from "~/routes/w.$workspace";
import type { ProductMatchPage } from "~/segments/product-match-page.server";
import { BasketTables } from "./BasketTables";
import { ProductFormulas } from "./HowComputed";
import { ProductChannelView } from "./ProductChannelView";
import { ProductMatchView } from "./ProductMatchView";

type Data = SerializeFrom<ProductMatchPage>;

/** Read-only, a disabled fieldset keeps the thresholds visible but unsendable. */
function Frame({ interactive, children }: { interactive: boolean; children: ReactNode }) {
  return interactive ? (
    children
  ) : (
    <fieldset disabled className="read-only">
      {children}
    </fieldset>
  );
}

export function SegmentProductsView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { t } = useTranslation("segments");
  const workspace = useRouteLoaderData<typeof workspaceLoader>("routes/w.$workspace");
  const customersPath = workspace ? `/w/${workspace.workspace.slug}/customers` : "/";
  const report = data.report as Parameters<typeof ProductMatchView>[0]["report"];
  return (
    <>
      <ProductMatchView report={report} labels={data.labels} />
      <ProductChannelView report={data.productChannels} />
      <Frame interactive={interactive}>
        <BasketTables
          report={report}
          thresholds={data.thresholds}
          labels={data.labels}
          customersPath={customersPath}
        />
      </Frame>
      {interactive ? null : <p className="muted small">{t("products.reportNote")}</p>}
      <ProductFormulas />
    </>
  );
}

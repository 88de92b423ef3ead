import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forecastPage } from "~/campaigns/forecast-page.server";
import { CurveCards } from "~/components/forecast/CurveCards";
import { ForecastPanel } from "~/components/forecast/ForecastPanel";
import { OfferCostPanel } from "~/components/forecast/OfferCostPanel";
import { PlanPanel } from "~/components/forecast/PlanPanel";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/format";
import { offerCostPanel } from "~/offers/offer-cost-page.server";
import { requireWorkspace } from "~/workspace.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params);
  const query = new URL(request.url).searchParams;
  const page = forecastPage(getDb(), access.workspace.id, query);
  const values: Record<string, string | string[]> = Object.fromEntries(query);
  values.lock = query.getAll("lock");
  return { ...page, values, offer: offerCostPanel(access.scope, query) };
}

export default function ForecastPage() {
  const { channels, fittedAt, defaults, forecast, plan, values, offer } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("forecast");
  const names = channels.map((c) => c.channel);
  const forecastValues = {
    channel: (values.channel as string) ?? names[0],
    budget: (values.budget as string) ?? "",
    from: (values.from as string) ?? defaults?.from,
    to: (values.to as string) ?? defaults?.to,
  };
  const planValues = {
    ...values,
    planFrom: (values.planFrom as string) ?? defaults?.from,
    planTo: (values.planTo as string) ?? defaults?.to,
  };
  const plannedDaily: Record<string, number> = {};
  if (forecast?.result)
    plannedDaily[forecast.result.channel] = forecast.result.budget / forecast.result.days;
  for (const c of plan?.result?.channels ?? [])
    plannedDaily[c.name] ??= c.planned / (plan?.result?.days ?? 1);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {channels.length === 0 ? (
        <p className="notice">{t("noCurves")}</p>
      ) : (
        <>
          <p className="small muted">{t("fitted", { at: formatDateTime(fittedAt) })}</p>
          <ForecastPanel
            channels={names}
            values={forecastValues}
            errors={forecast?.errors ?? {}}
            result={forecast?.result ?? null}
          />
          <PlanPanel
            channels={names}
            values={planValues}
            errors={plan?.errors ?? {}}
            result={plan?.result ?? null}
          />
          <h2>{t("curvesTitle")}</h2>
          <CurveCards channels={channels} plannedDaily={plannedDaily} />
        </>
      )}
      <OfferCostPanel {...offer} />
    </>
  );
}

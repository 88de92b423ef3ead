/**
 * The Forecast page's forecast, budget plan and response curves. The page passes
 * `interactive`, so the forms can be sent; a saved report renders the same view with the forms
 * disabled, showing the values it was saved with. The Offer cost panel is not part of it (it
 * is a report of its own).
 */
import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ForecastPage } from "~/campaigns/forecast-page.server";
import { CurveCards } from "~/components/forecast/CurveCards";
import { ForecastPanel } from "~/components/forecast/ForecastPanel";
import { PlanPanel } from "~/components/forecast/PlanPanel";
import { formatDateTime } from "~/format";

type Data = SerializeFrom<ForecastPage>;

/** Read-only, a disabled fieldset keeps the filled-in forms visible but unsendable. */
function Frame({ interactive, children }: { interactive: boolean; children: ReactNode }) {
  return interactive ? (
    children
  ) : (
    <fieldset disabled className="read-only">
      {children}
    </fieldset>
  );
}

export function ForecastView({ data, interactive }: { data: Data; interactive: boolean }) {
  const { channels, fittedAt, defaults, forecast, plan, values } = data;
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
        <p className="notice warning">{t("noCurves")}</p>
      ) : (
        <>
          <p className="small muted">{t("fitted", { at: formatDateTime(fittedAt) })}</p>
          <Frame interactive={interactive}>
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
          </Frame>
          <h2>{t("curvesTitle")}</h2>
          <CurveCards channels={channels} plannedDaily={plannedDaily} />
        </>
      )}
    </>
  );
}

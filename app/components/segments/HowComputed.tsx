import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { ANALYTICS_DOC } from "./run-results";

/** Catalogue keys (namespace "segments", under how.sections) of the cited sections. */
const SECTIONS = ["rfm", "cluster", "channel", "product", "audience", "propensity"] as const;
type Sections = (typeof SECTIONS)[number];
const isSections = (value: string): value is Sections =>
  (SECTIONS as readonly string[]).includes(value);

/**
 * "How this is computed": the formulas behind a page's figures, as written in
 * docs/analytics.md (the section is cited so every number can be checked by hand).
 */
export function HowComputed({
  sections,
  children,
}: {
  /** A catalogue key, or (in pages not converted yet) the sections as English text. */
  sections: Sections | (string & {});
  children: ReactNode;
}) {
  const { t } = useTranslation("segments");
  return (
    <details className="card small" style={{ marginTop: "1.5rem" }}>
      <summary>{t("how.summary")}</summary>
      {children}
      <p className="muted">
        <Trans
          t={t}
          i18nKey="how.source"
          values={{
            doc: ANALYTICS_DOC,
            sections: isSections(sections) ? t(`how.sections.${sections}`) : sections,
          }}
          components={{ code: <code /> }}
        />
      </p>
    </details>
  );
}

function Formula({ children }: { children: ReactNode }) {
  return <pre className="mono">{children}</pre>;
}

export function RfmFormulas() {
  const { t } = useTranslation("segments");
  return (
    <HowComputed sections="rfm">
      <p>{t("how.rfm.intro")}</p>
      <Formula>{t("how.rfm.formula")}</Formula>
      <p>{t("how.rfm.scores")}</p>
      <Formula>{t("how.rfm.score")}</Formula>
      <p>{t("how.rfm.grid")}</p>
      <Formula>{t("how.rfm.shares")}</Formula>
    </HowComputed>
  );
}

export function ClusterFormulas() {
  const { t } = useTranslation("segments");
  return (
    <HowComputed sections="cluster">
      <Formula>{t("how.cluster.formula")}</Formula>
      <p>{t("how.cluster.profiles")}</p>
    </HowComputed>
  );
}

export function ProductFormulas() {
  const { t } = useTranslation("segments");
  return (
    <HowComputed sections="product">
      <Formula>{t("how.product.lift")}</Formula>
      <Formula>{t("how.product.rules")}</Formula>
      <p>{t("how.product.nextBest")}</p>
    </HowComputed>
  );
}

export function AudienceFormulas() {
  const { t } = useTranslation("segments");
  return (
    <HowComputed sections="audience">
      <p>{t("how.audience.intro")}</p>
      <ol>
        <li>{t("how.audience.interest")}</li>
        <li>{t("how.audience.consent")}</li>
        <li>{t("how.audience.channel")}</li>
        <li>{t("how.audience.cap")}</li>
      </ol>
    </HowComputed>
  );
}

/**
 * The workspace sections, in sidebar order. Pages not yet built say so plainly. `label`
 * and `summary` are the English text; pages show the catalogue's
 * `common:nav.sections.<path>.label|summary` (sectionText) in the reader's language.
 */
export const workspaceSections = [
  {
    path: "data",
    label: "Data",
    summary: "Upload customers, transactions, campaigns, products and channel audiences as CSV.",
  },
  {
    path: "customers",
    label: "Customers",
    summary: "Search customer profiles, their sources, consents and purchases.",
  },
  {
    path: "segments",
    label: "Segments",
    summary: "RFM segments and k-means clusters of your customers.",
  },
  {
    path: "value",
    label: "Value",
    summary: "Each customer's predicted revenue over the next 90 days, against honest baselines.",
  },
  {
    path: "channels",
    label: "Channels",
    summary: "Channel audiences and scraped channel statistics, matched to your segments.",
  },
  {
    path: "campaigns",
    label: "Campaigns",
    summary: "Campaign ROI, ROAS, CPA, CTR and CPC by channel over time.",
  },
  {
    path: "forecast",
    label: "Forecast",
    summary:
      "Expected cost and results for a planned campaign, and a budget split across channels.",
  },
  {
    path: "notifications",
    label: "Notifications",
    summary:
      "The next message per customer, learned from responses, with its offline estimate; next best offers.",
  },
  {
    path: "trends",
    label: "Trends",
    summary: "Web-search interest over time for your keywords, and rising queries.",
  },
  {
    path: "sites",
    label: "Sites",
    summary: "Visits, bounce rate, visit duration and traffic mix of sites you follow.",
  },
  {
    path: "scrapers",
    label: "Scrapers",
    summary: "Sources collected on a schedule, their runs and errors.",
  },
  { path: "reports", label: "Reports", summary: "Saved reports and the links you have shared." },
] as const;

export type WorkspaceSection = (typeof workspaceSections)[number];

export function sectionByPath(path: WorkspaceSection["path"]): WorkspaceSection {
  const section = workspaceSections.find((s) => s.path === path);
  if (!section) throw new Error(`Unknown section ${path}`);
  return section;
}

/** The catalogue keys of a section's label and summary (namespace "common"). */
export function sectionText(path: WorkspaceSection["path"]) {
  return {
    label: `nav.sections.${path}.label`,
    summary: `nav.sections.${path}.summary`,
  } as const;
}

import type { Command } from "../command";

/**
 * Every command by name, loaded on demand: one command should not pay for the modules of
 * all others (the analytics and scraping stacks alone cost ~220 MB and 2 s at start).
 */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

export const commandIndex: CommandEntry[] = [
  { name: "user create", load: async () => (await import("./user")).userCreate },
  { name: "workspace create", load: async () => (await import("./workspace")).workspaceCreate },
  { name: "workspace list", load: async () => (await import("./workspace")).workspaceList },
  { name: "workspace set", load: async () => (await import("./workspace")).workspaceSet },
  { name: "customer erase", load: async () => (await import("./customer")).customerErase },
  { name: "export", load: async () => (await import("./export")).exportCommand },
  { name: "import", load: async () => (await import("./import")).importCommand },
  { name: "dataset list", load: async () => (await import("./dataset")).datasetList },
  { name: "dataset delete", load: async () => (await import("./dataset")).datasetDelete },
  { name: "segment rfm", load: async () => (await import("./segment")).segmentRfm },
  { name: "segment cluster", load: async () => (await import("./segment")).segmentCluster },
  { name: "segment features", load: async () => (await import("./segment")).segmentFeatures },
  { name: "match channels", load: async () => (await import("./match")).matchChannelsCommand },
  { name: "match products", load: async () => (await import("./match")).matchProductsCommand },
  {
    name: "plan-notifications",
    load: async () => (await import("./plan-notifications")).planNotificationsCommand,
  },
  {
    name: "next-best-offers",
    load: async () => (await import("./plan-notifications")).nextBestOffersCommand,
  },
  { name: "campaigns roi", load: async () => (await import("./campaigns")).campaignsRoi },
  { name: "scrape run", load: async () => (await import("./scrape")).scrapeRun },
  { name: "scrape add", load: async () => (await import("./scrape")).scrapeAdd },
  { name: "campaigns fit", load: async () => (await import("./forecast")).campaignsFit },
  { name: "forecast", load: async () => (await import("./forecast")).forecastCommand },
  { name: "plan", load: async () => (await import("./forecast")).planCommand },
  { name: "offer-cost", load: async () => (await import("./offer")).offerCostCommand },
  { name: "value train", load: async () => (await import("./value")).valueTrain },
];

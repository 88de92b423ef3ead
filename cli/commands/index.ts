import type { Command } from "../command";
import { customerErase } from "./customer";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { matchChannelsCommand, matchProductsCommand } from "./match";
import { scrapeCommands } from "./scrape";
import { segmentCluster, segmentFeatures, segmentRfm } from "./segment";
import { userCreate } from "./user";
import { workspaceCreate, workspaceList } from "./workspace";

export const commands: Command[] = [
  userCreate,
  workspaceCreate,
  workspaceList,
  customerErase,
  exportCommand,
  importCommand,
  segmentRfm,
  segmentCluster,
  segmentFeatures,
  matchChannelsCommand,
  matchProductsCommand,
  ...scrapeCommands,
];

import type { Command } from "../command";
import { userCreate } from "./user";
import { workspaceCreate, workspaceList } from "./workspace";

export const commands: Command[] = [userCreate, workspaceCreate, workspaceList];

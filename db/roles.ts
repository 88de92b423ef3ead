/** Workspace roles, weakest first. Plain data so the browser bundle can use it without drizzle. */
export const roles = ["owner", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

/**
 * The state of a share link at a moment. Client-safe (plain data): the links tables show it.
 * Revoked wins over everything (it is final), then expired, then paused.
 */
export const LINK_STATES = ["active", "paused", "expired", "revoked"] as const;
export type LinkState = (typeof LINK_STATES)[number];

export interface LinkTimes {
  expiresAt: Date;
  pausedAt: Date | null;
  revokedAt: Date | null;
}

export function linkState(link: LinkTimes, now: Date): LinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.pausedAt) return "paused";
  return "active";
}

/** How long a share link may work. Client-safe: the share form shows the bounds. */
export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRY_DAYS = 365;

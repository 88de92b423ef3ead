/**
 * Telling a PostgreSQL DATABASE_URL from a SQLite one, without loading the `pg` driver (the
 * SQLite path never needs it).
 */

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/** The URL without its password, for logs and messages. */
export function redactedPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    parsed.search = "";
    return parsed.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

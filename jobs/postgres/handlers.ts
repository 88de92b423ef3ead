/**
 * The job handlers the worker runs when DATABASE_URL names PostgreSQL, and the schedules
 * its scheduler ticks there. Empty for now, on purpose: every handler in jobs/handlers/
 * reads and writes the app's tables through the SQLite data path (docs/decisions/031), so
 * none of them can run against PostgreSQL until that path exists. The queue itself (claims,
 * leases, retries, dead letters, progress, schedules) runs on PostgreSQL today and is
 * covered by tests/integration/postgres/queue/; a handler moves here when its data does.
 */
import type { QueueSchedule } from "../queue-schedule";
import type { JobHandler } from "../registry";

export const postgresHandlers: readonly JobHandler<string>[] = [];

export function postgresSchedules(): readonly QueueSchedule[] {
  return [];
}

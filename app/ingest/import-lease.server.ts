/**
 * An import holds a lease on its dataset, as a worker holds one on its job: `lease_owner`
 * names the process (host, pid and a random part, one per attempt) and `lease_expires_at`
 * says until when it is presumed alive. A timer renews it while the import runs; a process
 * killed with `kill -9` stops renewing, and once the lease has run out the next process
 * that looks (worker, web app, CLI: see app/datasets/stale-imports.server.ts) cleans up.
 *
 * Every write transaction of the import checks that it still owns the dataset
 * (`assertOwned`), so an import that was merely slow and lost its lease to the sweep can
 * add nothing after the sweep removed its rows: its next transaction rolls back.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { z } from "zod";
import type { Db } from "#db/client";
import type { WorkspaceScope } from "#db/scoped";

const DEFAULT_LEASE_MS = 30_000;

/** IMPORT_LEASE_MS, or 30 s: how long an import that stopped renewing is presumed alive. */
export function importLeaseMs(): number {
  const configured = z.coerce
    .number()
    .int()
    .positive()
    .safeParse(process.env.IMPORT_LEASE_MS || undefined);
  return configured.success ? configured.data : DEFAULT_LEASE_MS;
}

/** A new owner name for one import attempt of this process. */
export function newLeaseOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** The import lost its dataset's lease (the sweep took it over): it must write nothing more. */
export class ImportLeaseLost extends Error {
  override name = "ImportLeaseLost";
}

/**
 * Takes the lease of a dataset that no live import holds; false when another import's
 * lease is still running. Nothing else about the dataset changes here.
 */
export function takeImportLease(
  scope: WorkspaceScope,
  datasetId: number,
  owner: string,
  leaseMs: number,
  now = Date.now(),
): boolean {
  const { changes } = scope
    .sql(
      `UPDATE datasets SET lease_owner = ?, lease_expires_at = ?
       WHERE id = ? AND workspace_id = @workspace
         AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at < ?)`,
    )
    .run(owner, now + leaseMs, datasetId, owner, now);
  return changes === 1;
}

/** Extends the lease to `now + ms` (never shortens it); false when it is no longer ours. */
export function renewImportLease(
  db: Db,
  datasetId: number,
  owner: string,
  ms: number,
  now = Date.now(),
): boolean {
  const owned = db.$client
    .prepare("SELECT lease_expires_at AS expires FROM datasets WHERE id = ? AND lease_owner = ?")
    .get(datasetId, owner) as { expires: number | null } | undefined;
  if (!owned) return false;
  db.$client
    .prepare(
      "UPDATE datasets SET lease_expires_at = max(coalesce(lease_expires_at, 0), ?) WHERE id = ? AND lease_owner = ?",
    )
    .run(now + ms, datasetId, owner);
  return true;
}

/** Throws ImportLeaseLost unless `owner` still holds the dataset's lease. */
export function assertLeaseOwned(db: Db, datasetId: number, owner: string): void {
  const held = db.$client
    .prepare("SELECT 1 FROM datasets WHERE id = ? AND lease_owner = ?")
    .get(datasetId, owner);
  if (!held) {
    throw new ImportLeaseLost(
      "the import's lease ran out and another process took the dataset over",
    );
  }
}

export interface HeldLease {
  owner: string;
  /** Aborted when a renewal finds the lease lost. */
  signal: AbortSignal;
  /** Before a step that blocks the event loop: holds the lease for at least `ms` from now. */
  hold(ms: number): void;
  /** Throws ImportLeaseLost unless the lease is still ours (call inside write transactions). */
  assertOwned(): void;
  /** Stops the heartbeat. */
  stop(): void;
}

/**
 * Renews a taken lease every third of its length until `stop`. A renewal that fails for
 * another reason (the database busy) is tried again on the next tick: the lease is still
 * valid until it expires.
 */
export function holdImportLease(
  db: Db,
  datasetId: number,
  owner: string,
  leaseMs: number,
  log: (line: string) => void = (line) => console.error(line),
): HeldLease {
  const lost = new AbortController();
  const renew = (ms: number) => {
    if (lost.signal.aborted) return;
    try {
      if (renewImportLease(db, datasetId, owner, ms)) return;
      clearInterval(heartbeat);
      lost.abort(new ImportLeaseLost("the import's lease was lost (another process took it over)"));
    } catch (error) {
      log(`dataset ${datasetId}: lease renewal failed: ${(error as Error).message}`);
    }
  };
  const heartbeat = setInterval(() => renew(leaseMs), Math.max(1, Math.floor(leaseMs / 3)));
  // A CLI import must be able to end while the timer is pending.
  heartbeat.unref();
  return {
    owner,
    signal: lost.signal,
    hold: (ms) => renew(Math.max(leaseMs, ms)),
    assertOwned: () => assertLeaseOwned(db, datasetId, owner),
    stop: () => clearInterval(heartbeat),
  };
}

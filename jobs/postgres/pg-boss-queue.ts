/**
 * The job queue on PostgreSQL: pg-boss 10 (docs/decisions/032), behind jobs/job-queue.ts's
 * interface, with the SQLite queue's guarantees:
 *
 * - One pg-boss queue per job kind, all with the dead-letter queue `dead-letter`: a job
 *   whose attempts are exhausted (or whose error is permanent) ends `failed` and pg-boss
 *   copies it there, with its kind, workspace and payload in the data.
 * - Claiming is pg-boss's fetch (`FOR UPDATE SKIP LOCKED`): two workers never get one job.
 * - The lease is pg-boss's expiry (`started_on + expire_in`): the claim sets `expire_in` to
 *   the worker's lease, every renewal moves it on. pg-boss's maintenance (one instance per
 *   interval, `maintenanceIntervalSeconds`) fails an expired job into `retry` or, on its
 *   last attempt, `failed`: a job whose worker died is taken again, or is dead.
 * - Every write a worker makes is fenced on its claim: (job id, attempt, started_on).
 *   pg-boss increments `retry_count` on each claim after the first and sets started_on on
 *   every claim, so a worker whose job expired (or was released) and was claimed again
 *   matches no row and writes nothing.
 * - Retries: `retryLimit = maxAttempts - 1`, `retryBackoff` on, `retryDelay` half the base
 *   delay, which is jobs/backoff.ts's equal-jitter exponential in whole seconds; a failure
 *   the worker reports gets backoffDelayMs' exact delay (with its cap), written in the
 *   same transaction as the failure.
 * - Dedupe keys: a table of our own (`channelscope_queue.job_keys`, primary key on the key),
 *   written in the same transaction as pg-boss's insert. pg-boss's singletonKey alone is
 *   unique only among some states and not once a job is archived; the key is also passed
 *   as singletonKey so it shows in pg-boss's rows.
 * - Progress: pg-boss has no progress API, so `channelscope_queue.job_progress`.
 * Our two tables are created by `start()` (under an advisory lock, so several processes
 * may start at once); pg-boss installs and migrates its own schema the same way.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { type BackoffOptions, backoffDelayMs, defaultBackoff } from "../backoff";
import { errorMessage, PermanentJobError } from "../errors";
import type { ClaimedJob, JobQueue, JobView } from "../job-queue";
import type { EnqueueOptions, JobResult } from "../queue";

export const DEAD_LETTER_QUEUE = "dead-letter";
/** Our own tables beside pg-boss's schema. */
export const QUEUE_TABLES_SCHEMA = "channelscope_queue";

export interface PgBossQueueOptions {
  connectionString: string;
  /** pg-boss's schema; `pgboss` by default. */
  schema?: string;
  /** Connections per pool (pg-boss's and ours). */
  poolSize?: number;
  /**
   * How often expired leases are looked for (pg-boss maintenance, one instance per
   * interval across all processes). A dead worker's job is taken again at most this long
   * after its lease ran out.
   */
  maintenanceIntervalSeconds?: number;
  /** Runs pg-boss's maintenance (expiry, archive) in this process; on by default. */
  supervise?: boolean;
  /** For the retry delay pg-boss uses when a lease expires (see retryDelaySeconds). */
  backoff?: BackoffOptions;
  log?: (line: string) => void;
}

/** The data of a pg-boss job: the kind and workspace travel with it into the dead letters. */
interface JobData {
  kind: string;
  workspaceId: number | null;
  payload: unknown;
}

type PgBossState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

const statusOf: Record<PgBossState, JobView["status"]> = {
  created: "queued",
  retry: "failed",
  active: "running",
  completed: "succeeded",
  cancelled: "dead",
  failed: "dead",
};

/** pg-boss's equal-jitter delay is retryDelay·2^(n-1)·(1+r) s: retryDelay is half our base. */
export function retryDelaySeconds(backoff: BackoffOptions): number {
  return Math.max(1, Math.round(backoff.baseMs / 2 / 1000));
}

interface Executor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

function executorOf(client: pg.PoolClient): Executor {
  return { executeSql: (text, values) => client.query(text, values) };
}

export class PgBossJobQueue implements JobQueue<string> {
  readonly backend = "postgres" as const;
  readonly boss: PgBoss;
  readonly pool: pg.Pool;
  readonly #schema: string;
  readonly #backoff: BackoffOptions;
  readonly #queues = new Set<string>();
  #kindTurn = 0;
  /** Each claim's started_on, its fencing token beside the attempt. */
  readonly #claims = new WeakMap<ClaimedJob<string>, string>();

  constructor(options: PgBossQueueOptions) {
    this.#schema = options.schema ?? "pgboss";
    if (!/^[a-z_][a-z0-9_]*$/.test(this.#schema)) throw new Error("Not a plain schema name");
    this.#backoff = options.backoff ?? defaultBackoff;
    const log = options.log ?? ((line: string) => console.log(line));
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: this.#schema,
      max: options.poolSize ?? 4,
      supervise: options.supervise ?? true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 15,
      // Schedules are ours (jobs/queue-schedule.ts): no cron timekeeper, no state monitor.
      schedule: false,
    });
    this.boss.on("error", (error: unknown) => log(`[pg-boss] ${errorMessage(error)}`));
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
    });
    this.pool.on("error", (error) => log(`[queue pool] ${errorMessage(error)}`));
  }

  /** Installs or migrates pg-boss's schema and our tables; safe from several processes. */
  async start(): Promise<this> {
    await this.boss.start();
    await this.#transaction(async (client) => {
      await client.query(
        `SELECT pg_advisory_xact_lock(hashtext('${QUEUE_TABLES_SCHEMA}.install'))`,
      );
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${QUEUE_TABLES_SCHEMA}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${QUEUE_TABLES_SCHEMA}.job_keys (
        dedupe_key text PRIMARY KEY,
        job_id uuid NOT NULL,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${QUEUE_TABLES_SCHEMA}.job_progress (
        job_id uuid PRIMARY KEY,
        progress jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    });
    await this.#ensureQueue(DEAD_LETTER_QUEUE);
    return this;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, timeout: 1_000 });
    await this.pool.end();
  }

  async enqueue(options: EnqueueOptions): Promise<string> {
    await this.#ensureQueue(options.kind);
    const id = randomUUID();
    const maxAttempts = options.maxAttempts ?? 3;
    const data: JobData = {
      kind: options.kind,
      workspaceId: options.workspaceId ?? null,
      payload: options.payload,
    };
    return this.#transaction(async (client) => {
      if (options.dedupeKey !== undefined) {
        // A second transaction with the same key waits here for the first to commit.
        const inserted = await client.query(
          `INSERT INTO ${QUEUE_TABLES_SCHEMA}.job_keys (dedupe_key, job_id, kind)
           VALUES ($1, $2, $3) ON CONFLICT (dedupe_key) DO NOTHING`,
          [options.dedupeKey, id, options.kind],
        );
        if (inserted.rowCount === 0) {
          const existing = await client.query<{ job_id: string }>(
            `SELECT job_id FROM ${QUEUE_TABLES_SCHEMA}.job_keys WHERE dedupe_key = $1`,
            [options.dedupeKey],
          );
          const found = existing.rows[0]?.job_id;
          if (!found) throw new Error(`enqueue: dedupe key ${options.dedupeKey} vanished`);
          return found;
        }
      }
      const sent = await this.boss.send(options.kind, data as unknown as object, {
        id,
        db: executorOf(client),
        singletonKey: options.dedupeKey,
        startAfter: new Date(options.runAt ?? Date.now()),
        retryLimit: Math.max(0, maxAttempts - 1),
        retryDelay: retryDelaySeconds(this.#backoff),
        retryBackoff: true,
        deadLetter: DEAD_LETTER_QUEUE,
      });
      if (!sent) throw new Error(`enqueue: insert of ${options.kind} was ignored`);
      return sent;
    });
  }

  async claim(
    _workerId: string,
    leaseMs: number,
    kinds: readonly string[],
  ): Promise<ClaimedJob<string> | undefined> {
    if (kinds.length === 0) return undefined;
    for (const kind of kinds) await this.#ensureQueue(kind);
    // Kinds take turns at going first, so one busy kind cannot starve the others.
    const first = this.#kindTurn++ % kinds.length;
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(first + i) % kinds.length] as string;
      const [job] = await this.boss.fetch<JobData>(kind, { batchSize: 1, includeMetadata: true });
      if (!job) continue;
      const claimed: ClaimedJob<string> = {
        id: job.id,
        kind,
        payload: job.data.payload,
        workspaceId: job.data.workspaceId ?? null,
        attempts: job.retryCount + 1,
        maxAttempts: job.retryLimit + 1,
      };
      // Nobody else can claim an active job before it expires: read this claim's token.
      const { rows } = await this.pool.query<{ started_on: string }>(
        `SELECT started_on::text FROM ${this.#schema}.job
         WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
        [kind, job.id, job.retryCount],
      );
      const startedOn = rows[0]?.started_on;
      if (startedOn === undefined) continue;
      this.#claims.set(claimed, startedOn);
      // The lease starts now: pg-boss's expiry becomes this worker's lease.
      await this.renew(claimed, _workerId, leaseMs);
      return claimed;
    }
    return undefined;
  }

  async renew(job: ClaimedJob<string>, _workerId: string, leaseMs: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.#schema}.job
       SET expire_in = (now() - started_on) + $5 * interval '1 millisecond'
       WHERE ${this.#owned}`,
      [...this.#claimOf(job), leaseMs],
    );
    return result.rowCount === 1;
  }

  async progress(
    job: ClaimedJob<string>,
    _workerId: string,
    progress: Record<string, unknown>,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO ${QUEUE_TABLES_SCHEMA}.job_progress (job_id, progress, updated_at)
       SELECT $2, $5::jsonb, now()
       WHERE EXISTS (SELECT 1 FROM ${this.#schema}.job WHERE ${this.#owned})
       ON CONFLICT (job_id) DO UPDATE SET progress = excluded.progress, updated_at = now()`,
      [...this.#claimOf(job), JSON.stringify(progress)],
    );
    return result.rowCount === 1;
  }

  async complete(job: ClaimedJob<string>, _workerId: string, result: JobResult): Promise<boolean> {
    const done = await this.#whileOwned(job, async (client) => {
      const response = await this.boss.complete(job.kind, job.id, result, {
        db: executorOf(client),
      });
      return affectedOf(response) === 1;
    });
    return done ?? false;
  }

  async fail(
    job: ClaimedJob<string>,
    _workerId: string,
    error: unknown,
    backoff: BackoffOptions,
  ): Promise<"failed" | "dead" | undefined> {
    return this.#whileOwned(job, async (client) => {
      const where = `name = $1 AND id = $2`;
      // Retrying cannot help: no attempts left, so pg-boss fails it into the dead letters.
      if (error instanceof PermanentJobError) {
        await client.query(
          `UPDATE ${this.#schema}.job SET retry_limit = retry_count WHERE ${where}`,
          [job.kind, job.id],
        );
      }
      await this.boss.fail(
        job.kind,
        job.id,
        { message: errorMessage(error) },
        {
          db: executorOf(client),
        },
      );
      const { rows } = await client.query<{ state: PgBossState }>(
        `SELECT state FROM ${this.#schema}.job WHERE ${where}`,
        [job.kind, job.id],
      );
      if (rows[0]?.state !== "retry") return "dead";
      // jobs/backoff.ts's exact delay (milliseconds, capped) instead of pg-boss's seconds.
      await client.query(
        `UPDATE ${this.#schema}.job SET start_after = now() + $3 * interval '1 millisecond'
         WHERE ${where}`,
        [job.kind, job.id, backoffDelayMs(job.attempts, backoff)],
      );
      return "failed";
    });
  }

  async release(job: ClaimedJob<string>, _workerId: string): Promise<boolean> {
    // Back to waiting without counting the attempt: the next claim gets the same retry_count
    // (pg-boss adds one on a claim only when started_on is set).
    const done = await this.#whileOwned(job, async (client) => {
      const result = await client.query(
        `UPDATE ${this.#schema}.job SET
           state = (CASE WHEN retry_count = 0 THEN 'created' ELSE 'retry' END)::${this.#schema}.job_state,
           retry_count = GREATEST(retry_count - 1, 0),
           started_on = CASE WHEN retry_count = 0 THEN NULL ELSE started_on END,
           start_after = now()
         WHERE name = $1 AND id = $2`,
        [job.kind, job.id],
      );
      return result.rowCount === 1;
    });
    return done ?? false;
  }

  async cancel(id: string, options: { workspaceId?: number; reason?: string } = {}) {
    return this.#transaction(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `SELECT name FROM ${this.#schema}.job
         WHERE id = $1 AND ($2::int IS NULL OR (data->>'workspaceId')::int = $2)
           AND state < 'completed'
         FOR UPDATE`,
        [id, options.workspaceId ?? null],
      );
      const name = rows[0]?.name;
      if (!name) return false;
      const affected = affectedOf(await this.boss.cancel(name, id, { db: executorOf(client) }));
      await client.query(
        `UPDATE ${this.#schema}.job SET output = $3::jsonb WHERE name = $1 AND id = $2`,
        [name, id, JSON.stringify({ message: options.reason ?? "cancelled" })],
      );
      return affected === 1;
    });
  }

  async get(id: string, options: { workspaceId?: number } = {}) {
    const columns =
      "id, name, state, data, output, retry_count, retry_limit, start_after, started_on, completed_on";
    const { rows } = await this.pool.query<{
      id: string;
      name: string;
      state: PgBossState;
      data: JobData | null;
      output: Record<string, unknown> | null;
      retry_count: number;
      retry_limit: number;
      start_after: Date;
      started_on: Date | null;
      completed_on: Date | null;
      progress: Record<string, unknown> | null;
    }>(
      `SELECT j.*, p.progress FROM (
         SELECT ${columns} FROM ${this.#schema}.job WHERE id = $1
         UNION ALL
         SELECT ${columns} FROM ${this.#schema}.archive WHERE id = $1
       ) j LEFT JOIN ${QUEUE_TABLES_SCHEMA}.job_progress p ON p.job_id = j.id
       LIMIT 1`,
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    const workspaceId = row.data?.workspaceId ?? null;
    if (options.workspaceId !== undefined && workspaceId !== options.workspaceId) return undefined;
    const status = statusOf[row.state];
    const failed = status === "dead" || status === "failed";
    const view: JobView<string> = {
      id: row.id,
      kind: row.data?.kind ?? row.name,
      status,
      payload: row.data?.payload ?? null,
      workspaceId,
      attempts: row.started_on ? row.retry_count + 1 : row.retry_count,
      maxAttempts: row.retry_limit + 1,
      progress: row.progress,
      result: status === "succeeded" ? row.output : null,
      error: failed ? errorOf(row.output) : null,
      runAt: status === "queued" || status === "failed" ? row.start_after : null,
      finishedAt: status === "succeeded" || status === "dead" ? row.completed_on : null,
    };
    return view;
  }

  /** The dead letters: what was given up on, oldest first (for operators and tests). */
  async deadLetters(): Promise<{ id: string; data: JobData; error: string | null }[]> {
    const { rows } = await this.pool.query<{ id: string; data: JobData; output: unknown }>(
      `SELECT id, data, output FROM (
         SELECT id, data, output, created_on FROM ${this.#schema}.job WHERE name = $1
         UNION ALL
         SELECT id, data, output, created_on FROM ${this.#schema}.archive WHERE name = $1
       ) d ORDER BY created_on, id`,
      [DEAD_LETTER_QUEUE],
    );
    return rows.map((row) => ({ id: row.id, data: row.data, error: errorOf(row.output) }));
  }

  /**
   * The row of the job as this claim holds it: kind, id, attempt (retry_count) and the
   * claim's own started_on (set by each fetch; as text, to keep its microseconds), active.
   */
  get #owned() {
    return "name = $1 AND id = $2 AND state = 'active' AND retry_count = $3 AND started_on = $4::timestamptz";
  }

  #claimOf(job: ClaimedJob<string>): [string, string, number, string] {
    const startedOn = this.#claims.get(job);
    if (startedOn === undefined) throw new Error(`job ${job.id} was not claimed by this queue`);
    return [job.kind, job.id, job.attempts - 1, startedOn];
  }

  /** Runs `write` in a transaction that holds the job's row, if the lease is still ours. */
  async #whileOwned<T>(
    job: ClaimedJob<string>,
    write: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T | undefined> {
    return this.#transaction(async (client) => {
      const held = await client.query(
        `SELECT 1 FROM ${this.#schema}.job WHERE ${this.#owned} FOR UPDATE`,
        this.#claimOf(job),
      );
      if (held.rowCount !== 1) return undefined;
      return write(client);
    });
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async #ensureQueue(name: string): Promise<void> {
    if (this.#queues.has(name)) return;
    // create_queue inserts ON CONFLICT DO NOTHING: processes creating one queue at once are fine.
    if (!(await this.boss.getQueue(name))) {
      await this.boss.createQueue(name, {
        name,
        policy: "standard",
        ...(name === DEAD_LETTER_QUEUE ? {} : { deadLetter: DEAD_LETTER_QUEUE }),
      });
    }
    this.#queues.add(name);
  }
}

/** pg-boss 10 returns { affected } from complete/cancel; its types say void. */
function affectedOf(response: unknown): number {
  const affected = (response as { affected?: unknown } | undefined)?.affected;
  return typeof affected === "number" ? affected : 0;
}

function errorOf(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const record = output as { message?: unknown; value?: { message?: unknown } };
  const message = record.message ?? record.value?.message;
  return typeof message === "string" ? message : null;
}

/** A started queue on `connectionString` (installs pg-boss's schema and our tables). */
export async function openPgBossQueue(options: PgBossQueueOptions): Promise<PgBossJobQueue> {
  return new PgBossJobQueue(options).start();
}

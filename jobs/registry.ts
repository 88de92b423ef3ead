/**
 * Which function runs a job of a given kind. A handler declares the zod schema of its
 * payload; the payload is checked before the handler runs, and a payload that does not
 * fit fails the job permanently (retrying cannot fix bad input).
 */
import { z } from "zod";
import { PermanentJobError } from "./errors";
import type { JobId } from "./job-queue";
import type { JobResult } from "./queue";

export interface JobProgress {
  rows?: number;
  total?: number;
  /** 0-100; derived from rows / total when left out. */
  percent?: number;
  /** Rows per second; derived from rows and the time since the job started when left out. */
  rate?: number;
  message?: string;
}

export interface JobContext<Id extends JobId = number> {
  /** The queue's id: a number on SQLite, a uuid on PostgreSQL (pg-boss). */
  jobId: Id;
  workspaceId: number | null;
  /** 1 on the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the worker stops, the job is cancelled or the lease is lost: stop soon. */
  signal: AbortSignal;
  /** Records progress; cheap to call often (writes are throttled). */
  progress(update: JobProgress): void;
  /**
   * Before work that blocks the event loop for a while (the heartbeat cannot renew the
   * lease meanwhile): holds the lease for at least `ms` from now, so no other worker takes
   * the job over in the middle of it.
   */
  holdLease(ms: number): void;
}

export type JobRun<Payload, Id extends JobId = number> = (
  payload: Payload,
  ctx: JobContext<Id>,
) => Promise<JobResult>;

export interface JobHandler<Id extends JobId = number> {
  kind: string;
  /** Validates the raw payload, then runs the handler. */
  execute(rawPayload: unknown, ctx: JobContext<Id>): Promise<JobResult>;
}

export function defineHandler<Schema extends z.ZodType, Id extends JobId = number>(
  kind: string,
  schema: Schema,
  run: JobRun<z.output<Schema>, Id>,
): JobHandler<Id> {
  return {
    kind,
    async execute(rawPayload, ctx) {
      const parsed = schema.safeParse(rawPayload);
      if (!parsed.success) {
        throw new PermanentJobError(`Invalid ${kind} payload: ${z.prettifyError(parsed.error)}`);
      }
      return run(parsed.data, ctx);
    },
  };
}

export class HandlerRegistry<Id extends JobId = number> {
  readonly #handlers = new Map<string, JobHandler<Id>>();

  constructor(handlers: Iterable<JobHandler<Id>> = []) {
    for (const handler of handlers) this.add(handler);
  }

  add(handler: JobHandler<Id>): void {
    if (this.#handlers.has(handler.kind)) {
      throw new Error(`A handler for job kind "${handler.kind}" is already registered`);
    }
    this.#handlers.set(handler.kind, handler);
  }

  register<Schema extends z.ZodType>(
    kind: string,
    schema: Schema,
    run: JobRun<z.output<Schema>, Id>,
  ): void {
    this.add(defineHandler<Schema, Id>(kind, schema, run));
  }

  get(kind: string): JobHandler<Id> | undefined {
    return this.#handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.#handlers.keys()];
  }
}

/** The process-wide registry the worker CLI runs from. */
export const handlerRegistry = new HandlerRegistry();

export function registerHandler<Schema extends z.ZodType>(
  kind: string,
  schema: Schema,
  run: JobRun<z.output<Schema>>,
): void {
  handlerRegistry.register(kind, schema, run);
}

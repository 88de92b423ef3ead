/** Errors of the segment queries that callers map to a user-facing answer (404, CLI message). */

/** The run does not exist in THIS workspace (a run of another workspace is "not found" too). */
export class RunNotFoundError extends Error {
  constructor(runId: number) {
    super(`No analysis run ${runId} in this workspace`);
    this.name = "RunNotFoundError";
  }
}

/** The request cannot be answered with this data (too few customers, unknown feature, …). */
export class SegmentInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SegmentInputError";
  }
}

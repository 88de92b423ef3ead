/**
 * Thrown by a handler when trying again cannot help (bad input, a source that no longer
 * exists, a page whose layout changed): the job goes to `dead` at once instead of
 * spending its remaining attempts.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

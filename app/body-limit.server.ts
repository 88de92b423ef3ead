/**
 * Request bodies the app reads whole (forms: login, sign-up, settings) are small; Remix's
 * `request.formData()` would buffer any size, before anyone has logged in. File uploads
 * are multipart and streamed to disk with their own limit (UPLOAD_MAX_BYTES), so only
 * other bodies are checked here, by their declared length: browsers always declare it for
 * forms, and a body without one (chunked) is refused rather than read blindly.
 */
export const MAX_FORM_BODY_BYTES = 1024 * 1024;

export interface BodyHeaders {
  method: string;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
}

/** An HTTP status and message when the body must not be read, else undefined. */
export function bodyLimitProblem(
  request: BodyHeaders,
): { status: number; message: string } | undefined {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return undefined;
  if (request.contentType?.toLowerCase().startsWith("multipart/form-data")) return undefined;
  if (request.contentLength === undefined) {
    return request.transferEncoding
      ? { status: 411, message: "A request body needs a Content-Length" }
      : undefined;
  }
  const length = Number(request.contentLength);
  if (!Number.isSafeInteger(length) || length < 0) {
    return { status: 400, message: "Invalid Content-Length" };
  }
  if (length > MAX_FORM_BODY_BYTES) {
    return { status: 413, message: "Request body too large (forms are limited to 1 MB)" };
  }
  return undefined;
}

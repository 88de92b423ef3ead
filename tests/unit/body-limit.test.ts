import { describe, expect, it } from "vitest";
import { bodyLimitProblem, MAX_FORM_BODY_BYTES } from "~/body-limit.server";

const post = (headers: { type?: string; length?: string; chunked?: boolean }) =>
  bodyLimitProblem({
    method: "POST",
    contentType: headers.type ?? "application/x-www-form-urlencoded",
    contentLength: headers.length,
    transferEncoding: headers.chunked ? "chunked" : undefined,
  });

describe("bodyLimitProblem", () => {
  it("lets small forms, reads and bodiless requests through", () => {
    expect(post({ length: "512" })).toBeUndefined();
    expect(post({ length: String(MAX_FORM_BODY_BYTES) })).toBeUndefined();
    expect(post({})).toBeUndefined();
    expect(
      bodyLimitProblem({
        method: "GET",
        contentType: undefined,
        contentLength: "99999999",
        transferEncoding: undefined,
      }),
    ).toBeUndefined();
  });

  it("refuses a form body over 1 MB, a chunked one, and a nonsense length", () => {
    expect(post({ length: String(MAX_FORM_BODY_BYTES + 1) })?.status).toBe(413);
    expect(post({ length: "5000000000" })?.status).toBe(413);
    expect(post({ chunked: true })?.status).toBe(411);
    expect(post({ length: "-1" })?.status).toBe(400);
    expect(post({ length: "12abc" })?.status).toBe(400);
  });

  it("leaves multipart uploads to the upload route's own streamed limit", () => {
    const upload = { type: "multipart/form-data; boundary=x", length: "2000000000" };
    expect(post(upload)).toBeUndefined();
    expect(post({ ...upload, length: undefined, chunked: true })).toBeUndefined();
  });
});

/**
 * The ways a polite fetch can fail, one class each.
 *
 * Why: the job history shows `error.message` to an operator, and the retry logic must tell
 * "try again later" from "never try this", so each failure carries its own type, the URL,
 * and a message that says what happened in words.
 */

export class ScrapeFetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RobotsDisallowedError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly reason: string,
  ) {
    super(`robots.txt does not allow fetching ${url} (${reason})`, url);
  }
}

export class BlockedAddressError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(
      `refused to connect to ${host} at ${address}: address is in ${range} ` +
        "(add the host to SCRAPER_ALLOW_HOSTS only for tests or trusted local sources)",
      url,
    );
  }
}

export class HttpStatusError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly status: number,
    readonly attempts: number,
  ) {
    const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
    super(`HTTP ${status} from ${url} after ${tries}`, url);
  }
}

export class ResponseTooLargeError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly limitBytes: number,
  ) {
    super(`response too large: ${url} exceeded the limit of ${limitBytes} bytes`, url);
  }
}

export class ContentTypeError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly contentType: string,
    readonly accepted: readonly string[],
  ) {
    super(
      `unexpected content type "${contentType || "(none)"}" from ${url}; ` +
        `expected one of ${accepted.join(", ")}`,
      url,
    );
  }
}

export class TimeoutError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${timeoutMs} ms fetching ${url}`, url);
  }
}

export class TooManyRedirectsError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly maxRedirects: number,
  ) {
    super(`more than ${maxRedirects} redirects starting from ${url}`, url);
  }
}

export class UnsupportedUrlError extends ScrapeFetchError {
  constructor(url: string, reason: string) {
    super(`cannot fetch ${url}: ${reason}`, url);
  }
}

/** A connection-level failure (reset, refused, DNS); worth retrying. */
export class NetworkError extends ScrapeFetchError {
  constructor(
    url: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`network error fetching ${url}: ${detail}`, url);
    this.cause = cause;
  }
}

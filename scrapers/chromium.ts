/**
 * How every part of Channelscope starts Debian's Chromium (browsers cannot be downloaded
 * here): the scrapers' shared browser, the e2e tests and the README screenshot script.
 * The flags keep it headless, sandbox-free as root, and quiet on the network: no background
 * requests, component updates or sync, which a closed network would refuse anyway.
 */
/** Read at call time, so a test or script can point CHROMIUM_PATH elsewhere first. */
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export const chromiumQuietFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/**
 * How every part of Channelscope starts Debian's Chromium (browsers cannot be downloaded
 * here): the scrapers' shared browser, the e2e tests and the README screenshot script.
 * The flags keep it headless and quiet on the network: no background requests, component
 * updates or sync, which a closed network would refuse anyway.
 */
/** Read at call time, so a test or script can point CHROMIUM_PATH elsewhere first. */
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export const chromiumQuietFlags = [
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/**
 * Whether to ask for Chromium's sandbox (Playwright's `chromiumSandbox` launch option).
 *
 * Why not simply `--no-sandbox` everywhere: the scraper renders pages of other sites, and
 * the sandbox is what keeps a renderer exploit inside the renderer. Chromium refuses to
 * start as root with the sandbox on, and the app may run as root in a container, so only
 * then is it switched off. Playwright adds `--no-sandbox` itself unless this is true, which
 * is why it is an option and not a flag in the list above. (The e2e tests and the
 * screenshot script open only our own app and do not ask for it.)
 */
export function chromiumSandbox(): boolean {
  return process.getuid?.() !== 0;
}

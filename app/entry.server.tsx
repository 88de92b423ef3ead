/**
 * Remix's default Node entry (@remix-run/dev's entry.server.node.tsx), with two additions:
 * the request's Content-Security-Policy nonce from the load context goes to React (its own
 * streaming scripts), to RemixServer (single fetch's data scripts) and, through
 * CspNonceContext, to the root layout's <Scripts> and <ScrollRestoration>. And the UI
 * language (remix-i18next's pattern): a fresh i18next instance per request in the request's
 * language, given to React, and the same language and the workspace's time zone for
 * ~/format while this request renders (AsyncLocalStorage keeps concurrent requests apart).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { CspNonceContext } from "./csp-nonce";
import { setLocaleSource, setTimeZoneSource } from "./format";
import { defaultLocale, type Locale } from "./i18n/config";
import { resolveLocale } from "./i18n/locale.server";
import { i18nextOptions } from "./i18n/options";
import { workspaceTimeZoneOf } from "./time-zone";

const rendering = new AsyncLocalStorage<{ locale: Locale; timeZone: string }>();
setLocaleSource(() => rendering.getStore()?.locale ?? defaultLocale);
setTimeZoneSource(() => rendering.getStore()?.timeZone ?? "UTC");

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots (and SPA mode) get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const nonce = loadContext.cspNonce;
  const locale = await resolveLocale(request);
  const i18n = createInstance();
  await i18n.use(initReactI18next).init(i18nextOptions(locale));
  // The workspace's zone, for moments shown on its pages (time-zone.ts).
  const timeZone = workspaceTimeZoneOf(remixContext.staticHandlerContext.loaderData);
  return rendering.run(
    { locale, timeZone },
    () =>
      new Promise<Response>((resolve, reject) => {
        let shellRendered = false;
        const sendShell = () => {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        };
        const { pipe, abort } = renderToPipeableStream(
          <I18nextProvider i18n={i18n}>
            <CspNonceContext.Provider value={nonce}>
              <RemixServer
                context={remixContext}
                url={request.url}
                abortDelay={ABORT_DELAY}
                nonce={nonce}
              />
            </CspNonceContext.Provider>
          </I18nextProvider>,
          {
            nonce,
            onShellReady: waitForAll ? undefined : sendShell,
            onAllReady: waitForAll ? sendShell : undefined,
            onShellError: reject,
            onError(error: unknown) {
              responseStatusCode = 500;
              // Errors while rendering the shell reject and are logged by Remix itself.
              if (shellRendered) console.error(error);
            },
          },
        );
        setTimeout(abort, ABORT_DELAY);
      }),
  );
}

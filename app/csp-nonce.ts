/**
 * The request's Content-Security-Policy nonce (see security-headers.server.ts), handed from
 * app/entry.server.tsx to the root layout's <Scripts> and <ScrollRestoration>. In the
 * browser there is no provider and the value is undefined: those components render their
 * scripts only for the server's HTML, and browsers hide nonce attributes from scripts anyway.
 */
import { createContext, useContext } from "react";

export const CspNonceContext = createContext<string | undefined>(undefined);

export function useCspNonce(): string | undefined {
  return useContext(CspNonceContext);
}

/** What server.ts hands every loader and action besides the request. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer address (or the first X-Forwarded-For hop when TRUST_PROXY is set). */
    clientAddress: string;
    /**
     * This request's Content-Security-Policy nonce for inline scripts (security-headers.server.ts).
     * Absent where no server.ts runs (tests calling loaders directly).
     */
    cspNonce?: string;
  }
}

export {};

/** What server.ts hands every loader and action besides the request. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer address (or the first X-Forwarded-For hop when TRUST_PROXY is set). */
    clientAddress: string;
  }
}

export {};

/**
 * Remix options. The Vite plugin does not read this file by itself:
 * vite.config.ts imports it and passes it to `vitePlugin(...)`.
 * Only the options the Vite plugin understands belong here.
 * @type {import('@remix-run/dev').VitePluginConfig}
 */
export default {
  appDirectory: "app",
  ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    unstable_optimizeDeps: true,
  },
};

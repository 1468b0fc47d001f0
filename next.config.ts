import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at runtime, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  typedRoutes: false,
  poweredByHeader: false,
  experimental: {
    // Enables forbidden() from next/navigation and app/forbidden.tsx (403 pages).
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);

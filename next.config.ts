import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { allowedOrigins } from "./lib/actions/origin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at runtime, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg-boss"],
  typedRoutes: false,
  poweredByHeader: false,
  experimental: {
    // Enables forbidden() from next/navigation and app/forbidden.tsx (403 pages).
    authInterrupts: true,
    // Next.js refuses a server action whose Origin host differs from the request's host before our
    // wrapper sees it; the hosts of ALLOWED_ORIGINS must pass that first check too. Read at start.
    serverActions: { allowedOrigins: allowedOrigins().map((origin) => new URL(origin).host) },
  },
};

export default withNextIntl(nextConfig);

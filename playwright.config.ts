import { defineConfig } from "@playwright/test";

const CI = Boolean(process.env.CI);
// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Runs against the production build (scripts/e2e-server.ts) in Debian's Chromium: Playwright's own
// browser download cannot reach its CDN from these machines.
export default defineConfig({
  testDir: "e2e",
  // Not the default "test-results": Playwright empties its output folder at the start, and the
  // Vitest and Playwright JSON reports that `npm test` counts live there.
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  // The embedded database serves one connection at a time; more workers would only queue on it.
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "desktop",
      testMatch: /\.spec\.ts$/,
      testIgnore: /\.phone\.spec\.ts$/,
      dependencies: ["setup"],
      use: { viewport: { width: 1440, height: 900 } },
    },
    {
      name: "phone",
      testMatch: /\.phone\.spec\.ts$/,
      dependencies: ["setup"],
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server script stop Next and the embedded database and delete its data folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});

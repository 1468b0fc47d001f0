// Next.js calls register() once when the server process starts. The scheduled jobs (lib/jobs, README
// "Jobs") start here rather than in scripts/server.ts itself: here they use the same Prisma client as the
// pages (lib/db.ts), so on the embedded database the process keeps its one connection, and Prisma's
// error classes are the ones the app's code checks with instanceof. Only our server (scripts/server.ts,
// which sets CRM_APP_SERVER) runs them: not `next build`, not a bare `next start`.

type Runner = { stop(): Promise<void> };

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CRM_APP_SERVER !== "1") return;
  const [{ prisma }, { startJobs }] = await Promise.all([import("./lib/db"), import("./lib/jobs/start")]);
  try {
    const runner = await startJobs(prisma, process.env.DATABASE_URL ?? "");
    // scripts/server.ts stops it before the process exits.
    (globalThis as typeof globalThis & { crmJobRunner?: Runner }).crmJobRunner = runner;
  } catch (error) {
    console.error(`[jobs] The scheduled jobs could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

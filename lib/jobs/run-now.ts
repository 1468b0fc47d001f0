import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { DomainError, ForbiddenError } from "@/lib/errors";
import { executeJob } from "./execute";
import { findJob } from "./registry";

/**
 * 信息中心's 立即运行: runs the job `name` once now in this request, recorded as a MANUAL JobRun with
 * `user` as requester and audited (job.runNow), and returns how it went (the job's own failure is a
 * result, not an error). The scheduled slots are not touched. Throws DomainError("notFound") for a name
 * not in the registry, ForbiddenError for a user without jobs.run.
 */
export async function runJobNow(user: SessionUser, name: string): Promise<{ status: "OK" | "FAILED"; error?: string }> {
  // The action checks this too; the service refuses on its own so no other caller can skip it.
  if (!can(user.roles, "jobs.run")) throw new ForbiddenError();
  const job = findJob(name);
  if (!job) throw new DomainError("notFound");
  const outcome = await executeJob(prisma, job, { trigger: "MANUAL", requestedById: user.id }, new Date());
  if (outcome.status === "FAILED") return { status: "FAILED", error: outcome.error };
  return { status: "OK" };
}

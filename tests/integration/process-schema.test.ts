import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createContractRecord, createCustomer, createTeam, createUser } from "./fixtures";

// The database guarantees issue 9 §3's "at most one 执行中 at any time" on
// its own, whatever the service does: two processes of one contract started at once, one wins.
describe("ContractProcess: one 执行中 per contract", () => {
  it("two bound processes started at the same moment: exactly one becomes 执行中", async () => {
    const team = await createTeam();
    const consultant = await createUser(["CONSULTANT"], { teamId: team.id });
    const customer = await createCustomer(consultant, { status: "CLIENT" });
    const contract = await createContractRecord(customer.id, consultant, { status: "AUDITED" });
    const template = await prisma.processTemplate.create({
      data: { countryId: contract.countryId, name: "英国授课型硕士", versions: { create: { version: 1 } } },
      include: { versions: true },
    });
    const versionId = template.versions[0].id;
    const [a, b] = await Promise.all([
      prisma.contractProcess.create({ data: { contractId: contract.id, templateVersionId: versionId, name: "英国授课型硕士", boundById: consultant.id } }),
      prisma.contractProcess.create({ data: { contractId: contract.id, templateVersionId: versionId, name: "英国授课型硕士", boundById: consultant.id } }),
    ]);
    const start = (id: string) => prisma.contractProcess.update({ where: { id }, data: { status: "IN_PROGRESS", startedAt: new Date() } });
    const results = await Promise.allSettled([start(a.id), start(b.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.contractProcess.count({ where: { contractId: contract.id, status: "IN_PROGRESS" } })).toBe(1);
    // Stopping the running one lets the other start.
    const running = await prisma.contractProcess.findFirstOrThrow({ where: { contractId: contract.id, status: "IN_PROGRESS" } });
    await prisma.contractProcess.update({ where: { id: running.id }, data: { status: "STOPPED", stopReason: "转国家" } });
    await start(running.id === a.id ? b.id : a.id);
  });
});

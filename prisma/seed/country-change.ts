// 转国家 demo (issue 10 §3): BJ-2026-0302 (高子墨, 美国, 进行中 with its 美国研究生 process running) asks
// to move to 加拿大 with the 加拿大 template, filed by 李娜 (consultant1) two days ago and waiting in 陈静's
// (manager1) inbox. Approving it shows the whole chain: the US process stopped, a 技术维护单 filed,
// approved and applied, the Canadian process bound, and a card in finance's 转国家费用 queue.
// Written as the service would have written it, audit row included. Skipped once the contract has a request.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UserIds } from "./people";

const CONTRACT = "BJ-2026-0302";
const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedCountryChange(db: PrismaClient, users: UserIds, now = new Date()): Promise<void> {
  const contract = await db.contract.findUnique({ where: { number: CONTRACT }, select: { id: true, countryId: true, programId: true, status: true } });
  if (!contract || contract.status !== "IN_SERVICE") return;
  if ((await db.countryChangeRequest.count({ where: { contractId: contract.id } })) > 0) return;
  const canada = await db.dictionaryItem.findUnique({ where: { kind_code: { kind: "COUNTRY", code: "CA" } }, select: { id: true } });
  if (!canada) return;
  const template = await db.processTemplate.findFirst({
    where: { countryId: canada.id, retiredAt: null, OR: [{ programIds: { isEmpty: true } }, { programIds: { has: contract.programId } }] },
    select: { id: true },
  });
  if (!template) return;
  const consultant = users.get("consultant1")!;
  const createdAt = new Date(now.getTime() - 2 * DAY_MS);
  const reason = "美国签证面签被拒，学生与家长决定改申加拿大（多伦多大学统计学硕士）";
  await db.$transaction(async (tx) => {
    const request = await tx.countryChangeRequest.create({
      data: { contractId: contract.id, requesterId: consultant, fromCountryId: contract.countryId, toCountryId: canada.id, templateId: template.id, reason, createdAt },
    });
    await tx.auditLog.create({
      data: {
        actorId: consultant,
        action: "countryChange.request",
        entity: "CountryChangeRequest",
        entityId: request.id,
        after: { contractId: contract.id, fromCountryId: contract.countryId, toCountryId: canada.id, templateId: template.id, reason, status: "PENDING_MANAGER" },
        createdAt,
      },
    });
  });
}

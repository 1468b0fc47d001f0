import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { archiveContractScope, archiveCustomerScope } from "@/lib/auth/scope";
import { logAccess, type AccessClient } from "@/lib/access-log/log-access";
import { visibleDocumentsWhere } from "@/lib/documents/access";
import { allowedFileType } from "@/lib/documents/file-rules";
import { seesMoneySummary } from "@/lib/finance/queries";
import { maskIdentity } from "@/lib/customers/identity";
import { identityRevealScope } from "@/lib/auth/scope";
import { isoDateOnly } from "@/lib/time";
import { transferRecordsOf } from "@/lib/archive/queries";

// The 电子档案 of one customer (issue 10 §2, section 9): everything the user may read of it on one page.
// The customer must lie in archiveCustomerScope (else null → 404, the same as not existing); its
// contracts are those of archiveContractScope. Money (一期费, 二期费, 收款, 退费) only for those who see
// the contract page's 收款 summary (finance, managers, IT: seesMoneySummary); never for the 文案, the
// secretary or the archive centre, and never a money column in their queries. Identity numbers masked.

const LABEL = { select: { labelZh: true, labelEn: true } } as const;
const NAME = { select: { name: true } } as const;
/** More than any customer has; the page says when a list was cut. */
const SECTION_LIMIT = 100;

/**
 * The e-archive of customer `id` as `user` may read it, with one VIEW_ARCHIVE access-log row (from
 * `client`) written before anything is returned; null (and nothing logged) when the customer does not
 * exist or lies outside the user's reach. Dates: `@db.Date` columns as "YYYY-MM-DD" (Asia/Shanghai).
 * Each contract carries its 转案 records (`caseTransfers`, lib/archive's transferRecordsOf; late marks
 * in working days as of `now`).
 */
export async function getArchive(user: SessionUser, id: string, client: AccessClient, now: Date = new Date()) {
  const [customers, contractWhere] = await Promise.all([archiveCustomerScope(user), archiveContractScope(user)]);
  const money = seesMoneySummary(user);
  const customer = await prisma.customer.findFirst({
    where: { AND: [{ id }, customers] },
    include: {
      owner: NAME,
      createdBy: NAME,
      country: LABEL,
      education: LABEL,
      grade: LABEL,
      registration: LABEL,
      mediaSource: LABEL,
    },
  });
  if (!customer) return null;
  await logAccess(prisma, { actorId: user.id, action: "VIEW_ARCHIVE", customerId: id, client });

  const contractRows = prisma.contract.findMany({
    where: { AND: [{ customerId: id }, contractWhere] },
    orderBy: [{ signedOn: "desc" }, { id: "desc" }],
    take: SECTION_LIMIT,
    select: {
      id: true,
      number: true,
      status: true,
      signedOn: true,
      school: true,
      course: true,
      archiveNumber: true,
      originalsReceivedAt: true,
      country: LABEL,
      program: LABEL,
      owner: NAME,
      documentOfficer: NAME,
      ...(money ? { firstFee: true, secondFee: true } : {}),
      processes: {
        orderBy: [{ boundAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          status: true,
          startedAt: true,
          endedAt: true,
          stopReason: true,
          documentOfficer: NAME,
          steps: {
            orderBy: { position: "asc" },
            select: { id: true, position: true, name: true, status: true, plannedDueOn: true, completedOn: true, skipReason: true, results: true, resultFields: true },
          },
        },
      },
      changeForms: {
        orderBy: { createdAt: "desc" },
        select: { id: true, number: true, status: true, reason: true, createdAt: true, appliedAt: true, applicant: NAME },
      },
      receipts: money
        ? { orderBy: { receivedOn: "desc" }, select: { id: true, stage: true, amount: true, receivedOn: true, method: true, voidedAt: true, voidReason: true } }
        : false,
      refunds: money ? { orderBy: { createdAt: "desc" }, select: { id: true, amount: true, status: true, reason: true, paidOn: true, createdAt: true } } : false,
    },
  });
  const [followUps, transfers, [contracts, caseTransfers], documents, revealable] = await Promise.all([
    prisma.followUp.findMany({
      where: { customerId: id },
      orderBy: [{ contactedOn: "desc" }, { createdAt: "desc" }],
      take: SECTION_LIMIT,
      select: { id: true, contactedOn: true, channel: true, content: true, nextContactOn: true, author: NAME },
    }),
    prisma.ownershipTransfer.findMany({
      where: { customerId: id },
      orderBy: { createdAt: "desc" },
      take: SECTION_LIMIT,
      select: { id: true, createdAt: true, reason: true, contractsMoved: true, fromUser: NAME, toUser: NAME, byUser: NAME, claimId: true },
    }),
    // The 转案 records of the contracts shown (and only those: the 文案's are the assigned ones).
    contractRows.then(async (rows) => [rows, await transferRecordsOf(rows.map((c) => c.id), now)] as const),
    prisma.document.findMany({
      where: { AND: [{ customerId: id }, await visibleDocumentsWhere(user)] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SECTION_LIMIT,
      select: { id: true, category: true, fileName: true, size: true, contentType: true, createdAt: true, uploadedBy: NAME, contract: { select: { number: true } } },
    }),
    prisma.customer.count({ where: { AND: [{ id }, await identityRevealScope(user)] } }),
  ]);

  return {
    customer: maskIdentity(customer),
    mayRevealIdentity: revealable > 0,
    money,
    followUps: followUps.map((f) => ({ ...f, contactedOn: isoDateOnly(f.contactedOn), nextContactOn: f.nextContactOn ? isoDateOnly(f.nextContactOn) : null })),
    transfers,
    contracts: contracts.map((c) => ({
      ...c,
      signedOn: isoDateOnly(c.signedOn),
      firstFee: "firstFee" in c && c.firstFee ? c.firstFee.toFixed(2) : null,
      secondFee: "secondFee" in c && c.secondFee ? c.secondFee.toFixed(2) : null,
      processes: c.processes.map((p) => ({
        ...p,
        steps: p.steps.map((s) => ({
          ...s,
          plannedDueOn: s.plannedDueOn ? isoDateOnly(s.plannedDueOn) : null,
          completedOn: s.completedOn ? isoDateOnly(s.completedOn) : null,
          results: stepResults(s.resultFields, s.results),
        })),
      })),
      receipts: "receipts" in c && Array.isArray(c.receipts) ? c.receipts.map((r) => ({ ...r, amount: r.amount.toFixed(2), receivedOn: isoDateOnly(r.receivedOn) })) : [],
      refunds: "refunds" in c && Array.isArray(c.refunds) ? c.refunds.map((r) => ({ ...r, amount: r.amount.toFixed(2), paidOn: r.paidOn ? isoDateOnly(r.paidOn) : null })) : [],
      caseTransfers: caseTransfers.get(c.id) ?? [],
    })),
    documents: documents.map((d) => ({ ...d, previewKind: previewKind(d.contentType), typeLabel: allowedFileType(d.contentType)?.label ?? d.contentType })),
  };
}
export type Archive = NonNullable<Awaited<ReturnType<typeof getArchive>>>;

// A completed step's result fields as label: value pairs, in the template's order.
function stepResults(fields: unknown, values: unknown): { label: string; value: string }[] {
  if (!Array.isArray(fields) || typeof values !== "object" || values === null) return [];
  const v = values as Record<string, unknown>;
  return fields
    .filter((f): f is { key: string; label: string } => typeof f === "object" && f !== null && "key" in f && "label" in f)
    .filter((f) => v[f.key] !== undefined && v[f.key] !== null && v[f.key] !== "")
    .map((f) => ({ label: String(f.label), value: String(v[f.key]) }));
}

// How the page previews a document inline: an image, a PDF, or not at all (Word, Excel: download).
function previewKind(contentType: string): "image" | "pdf" | null {
  if (!allowedFileType(contentType)?.inline) return null;
  return contentType === "application/pdf" ? "pdf" : contentType.startsWith("image/") ? "image" : null;
}

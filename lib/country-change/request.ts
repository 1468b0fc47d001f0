import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { bindableTemplate } from "@/lib/processes/bind";
import { canStepCountryChange, contractMayChangeCountry } from "./lifecycle";
import type { RequestCountryChangeInput } from "./schema";

// A unique violation of CountryChangeRequest_one_pending_key (one pending request per contract).
function isPendingConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = error.meta as
    | { modelName?: string; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } }
    | undefined;
  if (meta?.modelName !== "CountryChangeRequest") return false;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  return constraint?.index === "CountryChangeRequest_one_pending_key" || (constraint?.fields ?? []).some((f) => f.replaceAll('"', "") === "contractId");
}

/**
 * 转国家 (issue 10 §3; manual section 14): `user` asks to move contract `contractId` to country
 * `toCountryId` with template `templateId` for `reason`; the request waits for the managers of the
 * contract's consultant (PENDING_MANAGER, the 经理审核 inbox's COUNTRY_CHANGE kind).
 * Who: transfer.country with the contract in the user's change scope (consultant own, manager team,
 * IT). The contract must be in COUNTRY_CHANGE_CONTRACT_STATUSES (not 已完成 / 已终止); the country an
 * active 国家 other than the contract's; the template bindable for the new country and the contract's
 * programme (not retired, a current version with steps: lib/processes/bind.ts bindableTemplate).
 * Returns `{ id, version }`. Throws ForbiddenError, NotFoundError (contract outside the scope),
 * DomainError "countryChangeNotAllowed" (contract state), "countryChangePending" (the contract already
 * has a pending request, also when two requests race), and DomainError("invalidInput") with
 * toCountryId ["invalidChoice" | "countryUnchanged"] or templateId ["templateNotBindable"].
 */
export async function requestCountryChange(user: SessionUser, input: RequestCountryChangeInput, now: Date = new Date()): Promise<{ id: string; version: number }> {
  if (!can(user.roles, "transfer.country")) throw new ForbiddenError();
  try {
    return await prisma.$transaction(async (tx) => {
      const contract = await tx.contract.findFirst({
        where: { AND: [{ id: input.contractId }, await contractScope(user, "change", tx)] },
        select: { id: true, status: true, countryId: true, programId: true },
      });
      if (!contract) throw new NotFoundError();
      if (!contractMayChangeCountry(contract.status)) throw new DomainError("countryChangeNotAllowed");
      const country = await tx.dictionaryItem.findFirst({ where: { id: input.toCountryId, kind: "COUNTRY", active: true }, select: { id: true } });
      if (!country) throw new DomainError("invalidInput", { toCountryId: ["invalidChoice"] });
      if (country.id === contract.countryId) throw new DomainError("invalidInput", { toCountryId: ["countryUnchanged"] });
      try {
        await bindableTemplate(tx, input.templateId, { countryId: country.id, programId: contract.programId });
      } catch (error) {
        if (error instanceof DomainError) throw new DomainError("invalidInput", { templateId: ["templateNotBindable"] });
        throw error;
      }
      const pending = await tx.countryChangeRequest.findFirst({ where: { contractId: contract.id, status: "PENDING_MANAGER" }, select: { id: true } });
      if (pending) throw new DomainError("countryChangePending");
      const request = await tx.countryChangeRequest.create({
        data: {
          contractId: contract.id,
          requesterId: user.id,
          fromCountryId: contract.countryId,
          toCountryId: country.id,
          templateId: input.templateId,
          reason: input.reason,
          createdAt: now,
        },
        select: { id: true, version: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "countryChange.request",
        entity: "CountryChangeRequest",
        entityId: request.id,
        after: { contractId: contract.id, fromCountryId: contract.countryId, toCountryId: country.id, templateId: input.templateId, reason: input.reason, status: "PENDING_MANAGER" },
      });
      return request;
    });
  } catch (error) {
    if (isPendingConflict(error)) {
      const refused = new DomainError("countryChangePending");
      refused.cause = error;
      throw refused;
    }
    throw error;
  }
}

/**
 * 撤回: the requester takes back their request while it waits for the manager (→ WITHDRAWN); the
 * contract may then get a new one. Throws NotFoundError (not the user's request),
 * DomainError("alreadyDecided") once decided or withdrawn, ConflictError for a stale `version`.
 */
export async function withdrawCountryChange(user: SessionUser, input: { id: string; version: number }): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const request = await tx.countryChangeRequest.findFirst({ where: { id: input.id, requesterId: user.id }, select: { status: true, version: true } });
    if (!request) throw new NotFoundError();
    if (!canStepCountryChange(request.status, "withdraw")) throw new DomainError("alreadyDecided");
    if (request.version !== input.version) throw new ConflictError();
    const { count } = await tx.countryChangeRequest.updateMany({
      where: { id: input.id, status: "PENDING_MANAGER", version: input.version },
      data: { status: "WITHDRAWN", version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("alreadyDecided");
    await writeAudit(tx, {
      actorId: user.id,
      action: "countryChange.withdraw",
      entity: "CountryChangeRequest",
      entityId: input.id,
      before: { status: "PENDING_MANAGER" },
      after: { status: "WITHDRAWN" },
    });
    return { version: input.version + 1 };
  });
}

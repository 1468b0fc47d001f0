import { prisma, type Tx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { inContractTransaction } from "@/lib/contracts/contract-records";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { assertFeesCoverReceived } from "@/lib/finance/fee-floor";
import { assertNewValuesAllowed } from "./checks";
import { changeFormHref, changeFormTitle } from "./describe";
import { canStep, type ChangeFormStep } from "./lifecycle";
import type { ChangeFormStepInput, ChangeRecord, DeclineChangeFormInput, StoredChange } from "./schema";
import { stepChangeForm } from "./transition";
import { currentValues, lockRecords, staleFields, toColumns } from "./values";

// 信息中心's half of the 技术维护单 (issue 8 §3): apply an approved form to the records, or decline it.

/** The form for IT's step: it must exist, wait for IT and be the version the user saw. */
async function loadForStep(tx: Tx, user: SessionUser, input: ChangeFormStepInput, step: ChangeFormStep) {
  if (!can(user.roles, "changeForm.apply")) throw new ForbiddenError();
  const form = await tx.changeForm.findUnique({ where: { id: input.id } });
  if (!form) throw new NotFoundError();
  if (!canStep(form.status, step)) throw new DomainError("alreadyDecided");
  if (form.version !== input.version) throw new ConflictError();
  return form;
}

const RECORD_AUDIT: Record<ChangeRecord, { action: string; entity: string }> = {
  contract: { action: "contract.changeForm", entity: "Contract" },
  customer: { action: "client.changeForm", entity: "Customer" },
};

/**
 * 应用: writes an approved form's new values to the contract and the client in one transaction
 * (each record's version + 1, an audit row "contract.changeForm" / "client.changeForm" with the
 * form's before → after and its number), marks the form APPLIED (by whom, when) and notifies the
 * applicant. A fee change updates Contract.firstFee / secondFee, which 应收 reads.
 * Refuses, writing nothing: ForbiddenError (no changeForm.apply), NotFoundError, DomainError
 * ("alreadyDecided") when the form no longer waits for IT, ConflictError for a stale form `version`,
 * DomainError("changeFormStale", undefined, { fields }) when a field the form changes no longer holds
 * the old value the form recorded ("If the contract or client changed after the form was filed,
 * applying is refused … nothing is overwritten blindly", issue 8 §3: compared field by field on the
 * records locked in this transaction, so a status change, a transfer or an edit of other fields does
 * not refuse it; `fields` as "contract.school"; the form must be filed again), and the checks of
 * ./checks.ts ("contractNumberTaken" on "contract.number", a 撞单 on "customer.phone" …) and
 * "feeBelowReceived" on a fee now below what was received for its stage (lib/finance/fee-floor.ts).
 * Returns the form's new version.
 */
export async function applyChangeForm(user: SessionUser, input: ChangeFormStepInput, now: Date = new Date()): Promise<{ version: number }> {
  // inContractTransaction: a 合同号 taken by a racing save becomes the same field error as the check's.
  return inContractTransaction(async (tx) => {
    const form = await loadForStep(tx, user, input, "apply");
    return applyApprovedForm(tx, user, form, now);
  });
}

/**
 * 驳回 by 信息中心: an approved form is not applied; it ends DECLINED with the reason (who, when) and
 * the applicant is notified. Throws as applyChangeForm's first checks. Returns the new version.
 */
export async function declineChangeForm(user: SessionUser, input: DeclineChangeFormInput, now: Date = new Date()): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const form = await loadForStep(tx, user, input, "decline");
    const version = await stepChangeForm(tx, user.id, form, "decline", { appliedById: user.id, appliedAt: now, declineReason: input.reason });
    await notify(tx, {
      userId: form.applicantId,
      kind: "changeFormDeclined",
      params: { title: await changeFormTitle(tx, form.id), comment: input.reason },
      link: changeFormHref(form.id),
    });
    return { version };
  });
}

/**
 * 撤回: the applicant takes back a form still waiting for the manager (WITHDRAWN); the contract may then
 * get a new one. Throws NotFoundError (no such form of this applicant), DomainError("alreadyDecided")
 * once decided, ConflictError for a stale `version`. Returns the new version.
 */
export async function withdrawChangeForm(user: SessionUser, input: ChangeFormStepInput): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const form = await tx.changeForm.findFirst({ where: { id: input.id, applicantId: user.id } });
    if (!form) throw new NotFoundError();
    if (!canStep(form.status, "withdraw")) throw new DomainError("alreadyDecided");
    if (form.version !== input.version) throw new ConflictError();
    const version = await stepChangeForm(tx, user.id, form, "withdraw");
    return { version };
  });
}

/**
 * applyChangeForm's writes inside `tx` by `actor` (checked by the caller): marks approved form `form`
 * (at its version) APPLIED, then writes its new values to the locked records with their audit rows and
 * notifies the applicant. Also used by 转国家 (lib/country-change), which applies the form it filed
 * and approved in the deciding transaction. Returns the form's new version. Throws as applyChangeForm
 * after its first checks.
 */
export async function applyApprovedForm(
  tx: Tx,
  actor: Pick<SessionUser, "id">,
  form: { id: string; version: number; number: string; contractId: string; customerId: string; applicantId: string; changes: unknown },
  now: Date,
): Promise<{ version: number }> {
  // The form first: of two IT users applying at once, the second waits here and then finds it applied.
  const version = await stepChangeForm(tx, actor.id, form, "apply", { appliedById: actor.id, appliedAt: now });

  const records = await lockRecords(tx, form);
  if (!records) throw new NotFoundError();
  const changes = form.changes as StoredChange[];
  const current = currentValues(records.contract, records.customer);
  const stale = staleFields(changes, current);
  if (stale.length) throw new DomainError("changeFormStale", undefined, { fields: stale });
  const next: Record<ChangeRecord, Record<string, string | null>> = { contract: {}, customer: {} };
  for (const c of changes) next[c.record][c.field] = c.after;
  assertFeesCoverReceived(records.contract, next.contract);
  await assertNewValuesAllowed(tx, actor, { contractId: records.contract.id, customerId: records.customer.id }, current, next);

  for (const record of ["contract", "customer"] as const) {
    const fields = Object.keys(next[record]);
    if (fields.length === 0) continue;
    // The rows are locked and their values checked: nothing can have changed them since.
    const id = record === "contract" ? records.contract.id : records.customer.id;
    const data = { ...toColumns(next[record]), version: { increment: 1 } };
    if (record === "contract") await tx.contract.update({ where: { id }, data });
    else await tx.customer.update({ where: { id }, data });
    const mine = changes.filter((c) => c.record === record);
    await writeAudit(tx, {
      actorId: actor.id,
      action: RECORD_AUDIT[record].action,
      entity: RECORD_AUDIT[record].entity,
      entityId: id,
      before: Object.fromEntries(mine.map((c) => [c.field, c.before])),
      after: { ...Object.fromEntries(mine.map((c) => [c.field, c.after])), changeForm: form.number },
    });
  }

  await notify(tx, {
    userId: form.applicantId,
    kind: "changeFormApplied",
    params: { title: await changeFormTitle(tx, form.id), comment: "" },
    link: changeFormHref(form.id),
  });
  return { version };
}

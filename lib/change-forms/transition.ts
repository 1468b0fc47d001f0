import type { Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANGE_FORM_STEPS, type ChangeFormStep } from "./lifecycle";

/**
 * Moves a 技术维护单 along `step` (./lifecycle.ts) inside `tx`: one conditional update on the step's
 * from-state and `version`, with `stamp` (decidedAt, appliedBy …), the version bumped, and the audit
 * row "changeForm.<step>". Throws ConflictError when the update matched nothing (the form moved on or
 * changed meanwhile). Returns the new version.
 */
export async function stepChangeForm(
  tx: Tx,
  actorId: string,
  form: { id: string; version: number },
  step: ChangeFormStep,
  stamp: Omit<Prisma.ChangeFormUncheckedUpdateManyInput, "status" | "version"> = {},
  note: Record<string, unknown> = {},
): Promise<number> {
  const { from, to } = CHANGE_FORM_STEPS[step];
  const { count } = await tx.changeForm.updateMany({
    where: { id: form.id, status: from, version: form.version },
    data: { ...stamp, status: to, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await writeAudit(tx, {
    actorId,
    action: `changeForm.${step}`,
    entity: "ChangeForm",
    entityId: form.id,
    before: { status: from },
    after: { status: to, ...stamp, ...note },
  });
  return form.version + 1;
}

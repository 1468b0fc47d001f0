import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { addWorkingDays, type WorkingCalendar } from "@/lib/calendar/working-days";
import type { OfferType, ProcessEvent } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/service";
import { DomainError } from "@/lib/errors";
import { dateOnly, isoDateOnly } from "@/lib/time";
import { recordProcessHistory } from "./history";
import { processLink, processTitle } from "./officers";
import type { ResultField } from "./results";

// The events a step's completion raises (issue 9 §4): 获得录取 (OFFER), 获签 (VISA_GRANTED), 已出行
// (DEPARTED). Run in the completion's transaction. Reopening a step does not undo an event; completing
// it again raises it again (a new offer row, the visa and 二期 dates set anew).

/** The result keys an event needs before the step may complete: an offer needs its school and type. */
export const EVENT_REQUIRED_RESULTS: Record<ProcessEvent, readonly string[]> = { OFFER: ["school", "offerType"], VISA_GRANTED: [], DEPARTED: [] };

const OFFER_TYPES: Record<string, OfferType> = { 无条件: "UNCONDITIONAL", 有条件: "CONDITIONAL", UNCONDITIONAL: "UNCONDITIONAL", CONDITIONAL: "CONDITIONAL" };

type EventContext = {
  actor: SessionUser;
  event: ProcessEvent;
  step: { id: string; name: string };
  process: { id: string; name: string };
  contract: { id: string; number: string; customerName: string; ownerId: string };
  fields: readonly ResultField[];
  results: Record<string, string>;
  completedOn: string;
  // The working calendar, read before the transaction (lib/calendar/loader.ts).
  calendar: WorkingCalendar;
};

const EVENT_DATE_KEYS: Partial<Record<ProcessEvent, string>> = { VISA_GRANTED: "visaDate", DEPARTED: "departedOn" };

/**
 * Which result holds the date `event` records: its own key (`visaDate`, `departedOn`) when filled,
 * else the step's first date field filled; null when none is (the completion date is used).
 */
export function eventDateKey(fields: readonly ResultField[], results: Record<string, string>, event: ProcessEvent): string | null {
  const own = EVENT_DATE_KEYS[event];
  if (own && results[own]) return own;
  return fields.find((f) => f.type === "date" && results[f.key])?.key ?? null;
}

// The event's date: see eventDateKey; else the completion date.
function eventDate(ctx: EventContext): string {
  const key = eventDateKey(ctx.fields, ctx.results, ctx.event);
  return key ? ctx.results[key] : ctx.completedOn;
}

/**
 * Applies `ctx.event`:
 * - OFFER: an ApplicationOffer row on the contract from the results `school`, `offerType` (无条件 →
 *   UNCONDITIONAL, 有条件 → CONDITIONAL) and `conditions`.
 * - VISA_GRANTED: contract.visaGrantedOn = the `visaDate` result (else the first date result, else the
 *   completion date); contract.secondFeeDueOn = that date + 1 working day (what 应收 ages 二期 by,
 *   lib/finance/receivables.ts); an audit row "contract.visaGranted"; the contract's consultant and every
 *   active finance user are notified (visaGranted). The timeline row holds the visa date only: the 文案
 *   reads the timeline, and 二期 is finance's (the contract's audit row has it).
 * - DEPARTED: contract.departedOn = the `departedOn` result (else as above); audit "contract.departed".
 *   The process closes when every other step is done or skipped (progress.ts does that for any step).
 * Writes a history row named after the event.
 */
export async function applyProcessEvent(tx: Tx, ctx: EventContext): Promise<void> {
  const link = processLink(ctx.contract.id, ctx.process.id);
  const title = processTitle(ctx.contract, ctx.process.name);
  if (ctx.event === "OFFER") {
    const offerType = OFFER_TYPES[ctx.results.offerType];
    // The template's 录取类型 choices are 无条件 / 有条件 (lib/process-templates/schema.ts); never guess.
    if (!offerType) throw new DomainError("invalidInput", { "results.offerType": ["invalidChoice"] });
    const offer = await tx.applicationOffer.create({
      data: {
        contractId: ctx.contract.id,
        processId: ctx.process.id,
        stepId: ctx.step.id,
        school: ctx.results.school,
        offerType,
        conditions: ctx.results.conditions || null,
        recordedById: ctx.actor.id,
      },
      select: { id: true },
    });
    await recordProcessHistory(tx, {
      processId: ctx.process.id,
      stepId: ctx.step.id,
      actorId: ctx.actor.id,
      action: "OFFER",
      data: { offerId: offer.id, school: ctx.results.school, offerType, conditions: ctx.results.conditions ?? null },
    });
    return;
  }
  const before = await tx.contract.findUniqueOrThrow({ where: { id: ctx.contract.id }, select: { visaGrantedOn: true, secondFeeDueOn: true, departedOn: true } });
  if (ctx.event === "VISA_GRANTED") {
    const visaOn = eventDate(ctx);
    const dueOn = addWorkingDays(visaOn, 1, ctx.calendar);
    await tx.contract.update({ where: { id: ctx.contract.id }, data: { visaGrantedOn: dateOnly(visaOn), secondFeeDueOn: dateOnly(dueOn) } });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      action: "contract.visaGranted",
      entity: "Contract",
      entityId: ctx.contract.id,
      before: { visaGrantedOn: before.visaGrantedOn ? isoDateOnly(before.visaGrantedOn) : null, secondFeeDueOn: before.secondFeeDueOn ? isoDateOnly(before.secondFeeDueOn) : null },
      after: { visaGrantedOn: visaOn, secondFeeDueOn: dueOn },
    });
    await recordProcessHistory(tx, { processId: ctx.process.id, stepId: ctx.step.id, actorId: ctx.actor.id, action: "VISA_GRANTED", data: { visaGrantedOn: visaOn } });
    const finance = await tx.user.findMany({ where: { active: true, roles: { has: "FINANCE" } }, select: { id: true } });
    const recipients = new Set([ctx.contract.ownerId, ...finance.map((f) => f.id)]);
    recipients.delete(ctx.actor.id);
    for (const userId of recipients) {
      await notify(tx, { userId, kind: "visaGranted", params: { title, visaOn, dueOn }, link: userId === ctx.contract.ownerId ? link : `/contracts/${ctx.contract.id}` });
    }
    return;
  }
  const departedOn = eventDate(ctx);
  await tx.contract.update({ where: { id: ctx.contract.id }, data: { departedOn: dateOnly(departedOn) } });
  await writeAudit(tx, {
    actorId: ctx.actor.id,
    action: "contract.departed",
    entity: "Contract",
    entityId: ctx.contract.id,
    before: { departedOn: before.departedOn ? isoDateOnly(before.departedOn) : null },
    after: { departedOn },
  });
  await recordProcessHistory(tx, { processId: ctx.process.id, stepId: ctx.step.id, actorId: ctx.actor.id, action: "DEPARTED", data: { departedOn } });
}

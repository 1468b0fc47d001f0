import { z } from "zod";
import { pageParam } from "@/lib/lists/params";
import { recordId } from "@/lib/validation/record";

// What a notification may say: each kind is a message of the `notifications.kinds` namespace,
// rendered with the stored params in the reader's language.
export const NOTIFICATION_KINDS = [
  "customersTransferred",
  "customersTransferredAway",
  // 经理审核: a decision on the reader's request (params: kind, title, deciderName, onBehalfOfName, comment).
  "requestApproved",
  "requestRejected",
  // Work that now waits for the reader (params: title).
  "contractAwaitingFinance",
  "changeFormAwaitingIt",
  "refundAwaitingPayout",
  // 财务审核 and IT's outcome on the reader's contract or form (params: title, comment).
  "contractAudited",
  "contractFinanceRejected",
  "changeFormApplied",
  "changeFormDeclined",
  "refundPaid",
  // A 撞单 claim's approval moved the reader's customer away (params: title, toName).
  "customerClaimedAway",
  // Application processes (lib/processes): a case assigned to the reader as its 文案 (params: title,
  // byName, reason?), taken from them (title, byName, toName, reason), a step of theirs now open
  // (title, stepName), and a 获签 with the 二期 due date (title, visaOn, dueOn).
  "processAssigned",
  // A case started without a 文案, to the consultant's managers (title, byName).
  "processUnassigned",
  "processReassignedAway",
  "stepAssigned",
  "visaGranted",
  // 档案中心转案 (issue 10 §1): the archive centre received a case and hands it to the reader as its 文案
  // (params: title, archiveNumber, byName).
  "caseTransferReceived",
  // 转国家 (issue 10 §3): an approved request waits for finance's money decision (title), and the
  // decision, to the requester and the contract's consultant (title, decision, amount, dueOn).
  "countryChangeAwaitingMoney",
  "countryChangeMoneyDecided",
  // 预警监控 / 合同报警 (issue 11 §2, §3): an alert opened for the reader as its owner, or escalated to the
  // reader as the owner's manager (params: rule, title, and the rule's own).
  "alertOpened",
  "alertEscalated",
  // 移交工作 (issue 11 §4): an approved handover gave the reader work (title, total, and a count per
  // kind: prospects, clients, contracts, steps, cases).
  "handoverReceived",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATIONS_PAGE_SIZE = 20;

export const markNotificationsReadSchema = z.object({
  ids: z.union([z.literal("all"), z.array(recordId()).min(1).max(NOTIFICATIONS_PAGE_SIZE * 5)], { error: "invalid" }),
});

export const notificationListSchema = z.object({
  page: pageParam,
});

"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { contractScope } from "@/lib/auth/scope";
import { collectMissingItems } from "./collect-items";
import { receiveCase } from "./receive-case";
import {
  archiveSettingsSchema,
  cancelTransferSchema,
  collectItemsSchema,
  receiveCaseSchema,
  sendTransferSchema,
  signTransferSchema,
} from "./schema";
import { sendTransferToArchive } from "./send-transfer";
import { saveArchiveSettings } from "./settings";
import { cancelTransfer, signTransfer } from "./sign-transfer";

// The server actions of 档案中心转案 (issue 10 §1): each is `action()` (origin, user, permission, zod)
// around one service of this folder, which checks the scope and the rules in its transaction.
function revalidateArchive() {
  revalidatePath("/archive/transfers");
  revalidatePath("/contracts/[id]", "page");
  revalidatePath("/document-work");
}

/** 接收: `{ contractId, items: [{ item, state, note }], documentOfficerId, note }` in; `{ archiveNumber, … }` out. */
export const receiveCaseAction = action({ schema: receiveCaseSchema, permission: "archive.transfer" }, async (input, user) => {
  const done = await receiveCase(user, input);
  revalidateArchive();
  return done;
});

/** 发起转案 to the archive centre: `{ contractId, items: [{ item, note }], note }` in; `{ transferId, dueOn }` out. */
export const sendTransferAction = action({ schema: sendTransferSchema, permission: "contract.update" }, async (input, user) => {
  const sent = await sendTransferToArchive(user, input);
  revalidateArchive();
  return sent;
});

/** 签收 a hand-off addressed to the 文案: `{ transferId, version }` in; `{ version }` out. */
export const signTransferAction = action({ schema: signTransferSchema, permission: "document.work" }, async (input, user) => {
  const signed = await signTransfer(user, input);
  revalidateArchive();
  return signed;
});

/** 补收 missing items: `{ transferId, version, items }` in; `{ version, missing }` out. */
export const collectItemsAction = action({ schema: collectItemsSchema, permission: "archive.transfer" }, async (input, user) => {
  const done = await collectMissingItems(user, input);
  revalidateArchive();
  return done;
});

/** 撤回 an unsigned hand-off: `{ transferId, version }` in; `{ version }` out. */
export const cancelTransferAction = action({ schema: cancelTransferSchema, permission: "contract.update" }, async (input, user) => {
  const done = await cancelTransfer(user, input, async (tx, contractId) =>
    (await tx.contract.count({ where: { AND: [{ id: contractId }, await contractScope(user, "change", tx)] } })) > 0,
  );
  revalidateArchive();
  return done;
});

/** 信息中心 saves the archive number pattern and the time limits: `{ numberPattern, toArchiveDays, toDocumentDays, version }`. */
export const saveArchiveSettingsAction = action({ schema: archiveSettingsSchema, permission: "archive.settings" }, async (input, user) => {
  const saved = await saveArchiveSettings(user, input);
  revalidatePath("/archive/settings");
  return saved;
});

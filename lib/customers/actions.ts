"use server";

import { action } from "@/lib/actions/action";
import { checkDuplicate } from "./duplicate-check";
import { duplicateCheckSchema } from "./schema";

/**
 * 撞单 check as the user types 电话 / 身份证 / 护照 / 微信 / EMAIL on a prospect or client form (a
 * manager editing a team member's record included). Input: `{ field, value, excludeId? }`; result: the
 * matching customers as `DuplicateMatch[]` (another consultant's only by owner name, and the id 申请转入
 * claims it by). The save checks again.
 */
export const checkDuplicateAction = action(
  { schema: duplicateCheckSchema, permission: "prospect.update" },
  async (input, user) => checkDuplicate(user, input.field, input.value, input.excludeId),
);

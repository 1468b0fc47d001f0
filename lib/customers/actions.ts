"use server";

import { action } from "@/lib/actions/action";
import { currentAccessClient } from "@/lib/access-log/log-access";
import { checkDuplicate } from "./duplicate-check";
import { revealIdentity } from "./identity";
import { duplicateCheckSchema, revealIdentitySchema } from "./schema";

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

/**
 * 显示完整号码: the customer's full 身份证 and 护照 for a user the identity scope allows (lib/customers/
 * identity.ts), logged as REVEAL_IDENTITY with the client's address. Input `{ customerId }`; result
 * `{ idCard, passport }` (null when empty); a customer the user may not reveal is notFound.
 */
export const revealIdentityAction = action(
  { schema: revealIdentitySchema, permission: "archive.search" },
  async (input, user) => revealIdentity(user, input.customerId, await currentAccessClient()),
);

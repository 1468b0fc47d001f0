"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { duplicateCheckSchema, prospectSchema, updateProspectSchema } from "@/lib/customers/schema";
import { checkDuplicate, createProspect, updateProspect } from "@/lib/customers/service";

export const createProspectAction = action({ schema: prospectSchema, permission: "prospect.create" }, async (input, user) => {
  const created = await createProspect(user, input);
  revalidatePath("/prospects");
  return created;
});

export const updateProspectAction = action(
  { schema: updateProspectSchema, permission: "prospect.update" },
  async (input, user) => {
    const updated = await updateProspect(user, input);
    revalidatePath("/prospects");
    revalidatePath(`/prospects/${input.id}`);
    return updated;
  },
);

// Asked while the user types 电话 / 身份证 / 护照 / 微信 / EMAIL on a prospect or client form (a manager
// editing a team member's record included); the save checks again.
export const checkDuplicateAction = action(
  { schema: duplicateCheckSchema, permission: "prospect.update" },
  async (input, user) => checkDuplicate(user, input.field, input.value, input.excludeId),
);

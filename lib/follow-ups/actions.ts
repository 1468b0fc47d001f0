"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { followUpSchema } from "@/lib/follow-ups/schema";
import { addFollowUp } from "@/lib/follow-ups/service";

// Shared by the prospect and the client pages: a follow-up belongs to the customer whatever its stage.
export const addFollowUpAction = action({ schema: followUpSchema, permission: "followUp.create" }, async (input, user) => {
  const created = await addFollowUp(user, input);
  revalidatePath(`/prospects/${input.customerId}`);
  revalidatePath(`/clients/${input.customerId}`);
  // The home page's 今日待联系 list reads the customer's next contact.
  revalidatePath("/");
  return created;
});

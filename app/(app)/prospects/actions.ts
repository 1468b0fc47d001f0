"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { prospectSchema, updateProspectSchema } from "@/lib/customers/schema";
import { createProspect, updateProspect } from "@/lib/customers/prospect-service";

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

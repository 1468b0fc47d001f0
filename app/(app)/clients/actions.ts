"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { updateClient } from "@/lib/customers/client-service";
import { updateClientSchema } from "@/lib/customers/schema";

export const updateClientAction = action({ schema: updateClientSchema, permission: "client.update" }, async (input, user) => {
  const updated = await updateClient(user, input);
  revalidatePath("/clients");
  revalidatePath(`/clients/${input.id}`);
  // Contract pages show the client's name and details.
  revalidatePath("/contracts");
  return updated;
});

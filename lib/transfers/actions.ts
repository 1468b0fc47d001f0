"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { transferSchema } from "@/lib/transfers/schema";
import { transferCustomers } from "@/lib/transfers/service";

// 转交: from a list's selection or a single customer's page.
export const transferCustomersAction = action(
  { schema: transferSchema, permission: "transfer.consultant" },
  async (input, user) => {
    const result = await transferCustomers(user, input);
    for (const path of ["/prospects", "/clients", "/contracts", "/transfers/consultant"]) revalidatePath(path);
    revalidatePath("/prospects/[id]", "page");
    revalidatePath("/clients/[id]", "page");
    revalidatePath("/contracts/[id]", "page");
    return result;
  },
);

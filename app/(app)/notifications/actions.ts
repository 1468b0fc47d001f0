"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { markNotificationsReadSchema } from "@/lib/notifications/schema";
import { markNotificationsRead } from "@/lib/notifications/service";

export const markNotificationsReadAction = action(
  { schema: markNotificationsReadSchema, permission: "notification.read" },
  async (input, user) => {
    const result = await markNotificationsRead(user, input.ids);
    // The layout too: the bell's unread count lives in the shell header.
    revalidatePath("/", "layout");
    return result;
  },
);

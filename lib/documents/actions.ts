"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { deleteDocument } from "./delete-document";
import { deleteDocumentSchema } from "./schema";

// 电子档案文件 on the customer's and the contract's pages. Uploading is not a server action but a route
// (app/files/route.ts): a server action's body is read whole, up to one limit for every action,
// before the app can check who is asking (README, Documents).

/** 删除 a document with a reason (its uploader, or IT). */
export const deleteDocumentAction = action({ schema: deleteDocumentSchema, permission: "file.read" }, async (input, user) => {
  await deleteDocument(user, input);
  revalidatePath("/contracts/[id]", "page");
  revalidatePath("/clients/[id]", "page");
  return null;
});

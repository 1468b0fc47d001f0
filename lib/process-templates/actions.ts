"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { createProcessTemplate } from "./create-template";
import { deleteProcessTemplate } from "./delete-template";
import { setProcessTemplateRetired } from "./retire-template";
import { createTemplateSchema, deleteTemplateSchema, setTemplateRetiredSchema, updateTemplateSchema } from "./schema";
import { updateProcessTemplate } from "./update-template";

// 流程模板 (信息中心, process.templates). Every rule is in the services next to this file.

const PAGES = "/process-templates";

/** 新建流程模板 → `{ id, version }`. */
export const createTemplateAction = action({ schema: createTemplateSchema, permission: "process.templates" }, async (input, user) => {
  const result = await createProcessTemplate(user, input);
  revalidatePath(PAGES, "layout");
  return result;
});

/** 保存 an edit → `{ id, version, currentVersion, published }` (published: 发布新版本 because the old one is in use). */
export const updateTemplateAction = action({ schema: updateTemplateSchema, permission: "process.templates" }, async (input, user) => {
  const result = await updateProcessTemplate(user, input);
  revalidatePath(PAGES, "layout");
  return result;
});

/** 停用 / 启用 → `{ id, version }`. */
export const setTemplateRetiredAction = action({ schema: setTemplateRetiredSchema, permission: "process.templates" }, async (input, user) => {
  const result = await setProcessTemplateRetired(user, input);
  revalidatePath(PAGES, "layout");
  return result;
});

/** 删除 a template never used → `{ id }`. */
export const deleteTemplateAction = action({ schema: deleteTemplateSchema, permission: "process.templates" }, async (input, user) => {
  const result = await deleteProcessTemplate(user, input);
  revalidatePath(PAGES, "layout");
  return result;
});

import type { Department, Role } from "@/lib/generated/prisma/enums";

/** Who works in each department: the role whose holders may sign for a hand-off addressed to it. */
export const DEPARTMENT_ROLE: Record<Department, Role> = {
  CONSULTING: "CONSULTANT",
  ARCHIVE: "ARCHIVIST",
  DOCUMENT: "DOCUMENT_OFFICER",
  FINANCE: "FINANCE",
};

/** Whether a user of `roles` belongs to `department` (IT, who runs every queue, counts for the archive centre). */
export function inDepartment(roles: readonly Role[], department: Department): boolean {
  return roles.includes(DEPARTMENT_ROLE[department]) || (department === "ARCHIVE" && roles.includes("IT_ADMIN"));
}

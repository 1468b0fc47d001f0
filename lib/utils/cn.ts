export type ClassValue = string | false | null | undefined;

// Joins the truthy class names; conflicting Tailwind utilities are not merged, so callers
// pass overrides that do not fight the defaults (or rely on source order in the CSS).
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}

import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// Shared by input, select and textarea so every control looks and reports errors the same way.
export const controlClasses = cn(
  "block w-full min-w-0 rounded-md border border-gray-300 bg-white px-3 text-base text-gray-900 shadow-sm sm:text-sm",
  "placeholder:text-gray-400",
  "focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600/30",
  "disabled:cursor-not-allowed disabled:bg-gray-100 disabled:text-gray-500",
  "aria-invalid:border-red-600 aria-invalid:focus:border-red-600 aria-invalid:focus:outline-red-600/30",
);

export type InputProps = ComponentProps<"input">;

// text-base on phones keeps iOS Safari from zooming into the field on focus.
export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, "h-10", className)} {...props} />;
}

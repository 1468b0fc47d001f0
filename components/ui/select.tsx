import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

export type SelectProps = ComponentProps<"select">;

// A native <select>: the phone's own picker is the most usable one on small screens.
export function Select({ className, children, ...props }: SelectProps) {
  return (
    <div className="relative min-w-0">
      <select className={cn(controlClasses, "h-10 appearance-none pr-9", className)} {...props}>
        {children}
      </select>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-gray-500"
      >
        <path
          fillRule="evenodd"
          d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
          clipRule="evenodd"
        />
      </svg>
    </div>
  );
}

import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export type LabelProps = ComponentProps<"label"> & { required?: boolean };

// The asterisk is decorative: the control itself carries required/aria-required for screen readers.
export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <label className={cn("text-sm font-medium text-gray-800", className)} {...props}>
      {children}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-red-700">
          *
        </span>
      )}
    </label>
  );
}

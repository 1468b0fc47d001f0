import { cloneElement, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-required"?: boolean | "true" | "false";
};

export type FieldProps = {
  label: ReactNode;
  htmlFor: string;
  error?: string | readonly string[];
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  // One control element (Input, Select, Textarea, …); it receives id and the aria wiring.
  children: ReactElement<ControlProps>;
};

export function Field({ label, htmlFor, error, hint, required, className, children }: FieldProps) {
  const message = Array.isArray(error) ? error.join("；") : (error as string | undefined);
  const hintId = `${htmlFor}-hint`;
  const errorId = `${htmlFor}-error`;
  const describedBy = [children.props["aria-describedby"], hint ? hintId : null, message ? errorId : null]
    .filter(Boolean)
    .join(" ");
  const control = cloneElement(children, {
    id: children.props.id ?? htmlFor,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": message ? true : children.props["aria-invalid"],
    "aria-required": required || children.props["aria-required"] || undefined,
  });

  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <Label htmlFor={htmlFor} required={required}>
        {label}
      </Label>
      {control}
      {hint && (
        <p id={hintId} className="text-xs text-gray-500">
          {hint}
        </p>
      )}
      {/* role="alert" makes screen readers announce the error the moment it is inserted. */}
      {message && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}

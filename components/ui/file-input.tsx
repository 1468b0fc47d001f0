"use client";

import { useState, type ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

export type FileInputProps = Omit<ComponentProps<"input">, "type">;

/**
 * A file input that speaks the app's language: the browser's own control says "Choose File / No file
 * chosen" in the browser's language whatever the page's. The real input stays in the page (focus,
 * keyboard, screen readers, the Field's label and aria wiring, react-hook-form's ref all reach it),
 * visually hidden inside a label that looks like a button, with the chosen file's name beside it.
 */
export function FileInput({ className, onChange, ...props }: FileInputProps) {
  const t = useTranslations("common");
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <label className={cn("flex min-w-0 cursor-pointer items-center gap-3", className)}>
      <input
        {...props}
        type="file"
        className="peer sr-only"
        onChange={(event) => {
          setChosen(event.target.files?.[0]?.name ?? null);
          onChange?.(event);
        }}
      />
      {/* Hidden from the accessibility tree: the input itself is named by its Field label and says its file. */}
      <span
        aria-hidden="true"
        className={buttonVariants({
          variant: "secondary",
          size: "sm",
          className:
            "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-50 peer-aria-invalid:border-red-600",
        })}
      >
        {t("actions.chooseFile")}
      </span>
      <span aria-hidden="true" className="min-w-0 truncate text-sm text-gray-700">
        {chosen ?? t("form.noFileChosen")}
      </span>
    </label>
  );
}

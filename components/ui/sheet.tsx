"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { DialogOverlay } from "./dialog";

// A panel that slides in from a screen edge (the phone's main menu; the 经理审核 decision from the
// bottom, centred and width-capped on wider screens): a Radix dialog, so it traps
// focus, closes on Escape or a tap outside, locks the page's scrolling, hides the page from screen
// readers and gives focus back to its trigger. Every sheet needs a SheetTitle (its accessible name).

export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;
export const SheetClose = DialogPrimitive.Close;
export const SheetTitle = DialogPrimitive.Title;
export const SheetDescription = DialogPrimitive.Description;

const SIDES = {
  left: "inset-y-0 left-0 w-72 max-w-[85vw] border-r motion-safe:data-[state=open]:animate-slide-in-left motion-safe:data-[state=closed]:animate-slide-out-left",
  right: "inset-y-0 right-0 w-72 max-w-[85vw] border-l motion-safe:data-[state=open]:animate-slide-in-right motion-safe:data-[state=closed]:animate-slide-out-right",
  bottom:
    "inset-x-0 bottom-0 mx-auto max-h-[90dvh] w-full rounded-t-xl border-t pb-[env(safe-area-inset-bottom)] sm:max-w-lg sm:border-x motion-safe:data-[state=open]:animate-slide-in-bottom motion-safe:data-[state=closed]:animate-slide-out-bottom",
} as const;

type SheetContentProps = ComponentProps<typeof DialogPrimitive.Content> & { side?: keyof typeof SIDES };

export function SheetContent({ side = "left", className, children, ...props }: SheetContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPrimitive.Content
        data-slot="sheet-content"
        className={cn(
          "fixed z-50 flex flex-col border-gray-200 bg-white shadow-xl focus:outline-none",
          SIDES[side],
          className,
        )}
        {...props}
      >
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** The sheet's top bar: its title (or any content) and a close button named `closeLabel` (default 关闭). */
export function SheetHeader({ className, children, closeLabel, ...props }: ComponentProps<"div"> & { closeLabel?: string }) {
  const t = useTranslations("common");
  return (
    <div
      data-slot="sheet-header"
      className={cn("flex h-14 shrink-0 items-center justify-between gap-2 border-b border-gray-200 px-4", className)}
      {...props}
    >
      {children}
      <DialogPrimitive.Close
        aria-label={closeLabel ?? t("actions.close")}
        className="-mr-2 inline-flex size-10 shrink-0 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="size-5">
          <path strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
        </svg>
      </DialogPrimitive.Close>
    </div>
  );
}

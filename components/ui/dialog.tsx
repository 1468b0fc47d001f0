"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { Button } from "./button";

// A modal dialog on Radix (shadcn-style parts): focus moves in and is trapped, Escape and a click
// outside close it, the page behind does not scroll and is hidden from screen readers, and focus
// returns to the trigger on close. Every dialog needs a DialogTitle (its accessible name).

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export function DialogOverlay({ className, ...props }: ComponentProps<typeof DialogPrimitive.Overlay>) {
  return (
    <DialogPrimitive.Overlay
      data-slot="dialog-overlay"
      className={cn(
        "fixed inset-0 z-50 bg-gray-900/40",
        "motion-safe:data-[state=open]:animate-fade-in motion-safe:data-[state=closed]:animate-fade-out",
        className,
      )}
      {...props}
    />
  );
}

type DialogContentProps = ComponentProps<typeof DialogPrimitive.Content> & {
  // The × in the corner; a dialog whose footer has its own 取消 may still keep it for pointer users.
  showCloseButton?: boolean;
};

/** The dialog box, portalled to <body> over an overlay; it scrolls inside itself when taller than the screen. */
export function DialogContent({ className, children, showCloseButton = true, ...props }: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPrimitive.Content
        data-slot="dialog-content"
        className={cn(
          "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2",
          "overflow-y-auto rounded-lg bg-white p-5 text-left shadow-xl focus:outline-none",
          "motion-safe:data-[state=open]:animate-pop-in motion-safe:data-[state=closed]:animate-pop-out",
          className,
        )}
        {...props}
      >
        {children}
        {showCloseButton && <CloseCorner />}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

function CloseCorner() {
  const t = useTranslations("common");
  return (
    <DialogPrimitive.Close
      aria-label={t("actions.close")}
      className="absolute top-3 right-3 inline-flex size-9 items-center justify-center rounded-md text-gray-500 hover:bg-gray-100 hover:text-gray-800 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="size-5">
        <path strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
      </svg>
    </DialogPrimitive.Close>
  );
}

export function DialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="dialog-header" className={cn("flex flex-col gap-1 pr-10", className)} {...props} />;
}

/** Buttons: stacked with the main action on top on a phone, in a row to the right from `sm` up. */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="dialog-footer" className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}

/**
 * The footer of a form in a dialog: 取消 (closes the dialog) and the form's submit button, both disabled
 * while the action runs, when the submit button reads `pendingLabel`. `danger` styles a destructive
 * action (驳回, 作废, 拒绝). Renders inside the form, whose submit it triggers.
 */
export function DialogFormActions({
  pending,
  submitLabel,
  pendingLabel,
  danger = false,
  className,
}: {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  danger?: boolean;
  className?: string;
}) {
  const t = useTranslations("common");
  return (
    <DialogFooter className={className}>
      <DialogPrimitive.Close asChild>
        <Button variant="secondary" disabled={pending}>
          {t("actions.cancel")}
        </Button>
      </DialogPrimitive.Close>
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </DialogFooter>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title data-slot="dialog-title" className={cn("text-lg font-semibold text-gray-900", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description data-slot="dialog-description" className={cn("text-sm text-gray-600", className)} {...props} />;
}

"use client";

import * as MenuPrimitive from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// A menu button on Radix (role="menu"; shadcn-style parts): arrow keys move between items, typing
// jumps to one, Enter or Space chooses, Escape or a click outside closes and focus returns to the
// trigger. Items run commands through onSelect. A <form> inside an item does not work reliably: the
// menu unmounts as soon as an item is chosen, and whether the form's submission still happens
// depends on whether the item was clicked or chosen with the keyboard. So a server action is called
// from onSelect (inside startTransition, so a redirect it throws still navigates).

export const DropdownMenu = MenuPrimitive.Root;
export const DropdownMenuTrigger = MenuPrimitive.Trigger;
export const DropdownMenuGroup = MenuPrimitive.Group;
export const DropdownMenuRadioGroup = MenuPrimitive.RadioGroup;

const ITEM = cn(
  "relative flex min-h-10 w-full cursor-default items-center gap-2 rounded-md px-3 text-left text-sm text-gray-700 outline-none select-none",
  "data-[highlighted]:bg-gray-100 data-[highlighted]:text-gray-900 data-[disabled]:pointer-events-none data-[disabled]:opacity-50",
);

/** The menu's panel, portalled to <body> and kept inside the viewport (a phone's too). */
export function DropdownMenuContent({ className, sideOffset = 8, align = "end", ...props }: ComponentProps<typeof MenuPrimitive.Content>) {
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content
        data-slot="dropdown-menu-content"
        sideOffset={sideOffset}
        align={align}
        collisionPadding={8}
        className={cn(
          "z-50 max-h-(--radix-dropdown-menu-content-available-height) w-72 max-w-[calc(100vw-1rem)] overflow-y-auto",
          "rounded-lg border border-gray-200 bg-white p-2 shadow-lg",
          "origin-(--radix-dropdown-menu-content-transform-origin)",
          "motion-safe:data-[state=open]:animate-pop-in motion-safe:data-[state=closed]:animate-pop-out",
          className,
        )}
        {...props}
      />
    </MenuPrimitive.Portal>
  );
}

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof MenuPrimitive.Item>) {
  return <MenuPrimitive.Item data-slot="dropdown-menu-item" className={cn(ITEM, className)} {...props} />;
}

/** A choice among several (role="menuitemradio"); the current one carries a check mark and aria-checked. */
export function DropdownMenuRadioItem({ className, children, ...props }: ComponentProps<typeof MenuPrimitive.RadioItem>) {
  return (
    <MenuPrimitive.RadioItem
      data-slot="dropdown-menu-radio-item"
      className={cn(ITEM, "pr-9 data-[state=checked]:font-medium data-[state=checked]:text-brand-800", className)}
      {...props}
    >
      {children}
      <MenuPrimitive.ItemIndicator className="absolute right-3 inline-flex">
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 text-brand-700">
          <path
            fillRule="evenodd"
            d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z"
            clipRule="evenodd"
          />
        </svg>
      </MenuPrimitive.ItemIndicator>
    </MenuPrimitive.RadioItem>
  );
}

/** A heading inside the menu (not focusable); name it in a group with aria-labelledby. */
export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof MenuPrimitive.Label>) {
  return <MenuPrimitive.Label data-slot="dropdown-menu-label" className={cn("px-3 py-1.5 text-xs font-medium text-gray-500", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof MenuPrimitive.Separator>) {
  return <MenuPrimitive.Separator data-slot="dropdown-menu-separator" className={cn("-mx-2 my-2 h-px bg-gray-100", className)} {...props} />;
}

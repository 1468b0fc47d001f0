"use client";

import { useSyncExternalStore, type ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

const subscribe = () => () => {};

/**
 * True once React has hydrated this part of the page on the client; false in the server's HTML and
 * during hydration itself.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

type Props = Omit<ComponentProps<"form">, "noValidate" | "aria-busy"> & {
  /** The action is running (from useActionForm): announced as aria-busy. */
  pending?: boolean;
};

/**
 * The <form> of every form that submits through a server action from the client (useActionForm).
 * Until React has hydrated it, its controls are disabled: react-hook-form writes each field's
 * default value into the input when it registers it, so text typed into the server's HTML before
 * hydration would be overwritten or garbled, and a submit before hydration would be a native GET
 * that puts the values in the address bar. Validation is the schema's (noValidate).
 */
export function ActionForm({ pending = false, children, className, ...props }: Props) {
  const hydrated = useHydrated();
  return (
    <form noValidate aria-busy={pending} {...props}>
      {/* The form's layout classes (space-y…, flex gap) go on the fieldset, the children's real parent;
          min-w-0 undoes a fieldset's min-content width, which would let wide content overflow a phone. */}
      <fieldset disabled={!hydrated} className={cn("m-0 min-w-0 border-0 p-0", className)}>
        {children}
      </fieldset>
    </form>
  );
}

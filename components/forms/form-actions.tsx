import type { ReactNode } from "react";

/**
 * The buttons of a long form, kept in view at the bottom of the screen while the user scrolls
 * through the fields. On a phone the bar spans the screen edge to edge (out of <main>'s 1 rem
 * padding), so it reads as a bar rather than a strip floating over the cards.
 */
export function FormActions({ children }: { children: ReactNode }) {
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap justify-end gap-2 border-t border-gray-200 bg-gray-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:px-0">
      {children}
    </div>
  );
}

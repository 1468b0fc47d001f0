"use client";

import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";

// A server-rendered list marks rows for a bulk action with plain checkboxes that name a form by id
// (`<input form=…>`), so the table itself needs no client state. These helpers read and drive them.

function boxes(formId: string): HTMLInputElement[] {
  return Array.from(
    document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="customerIds"][form="${CSS.escape(formId)}"]`),
  );
}

function checkedIds(formId: string): string[] {
  return boxes(formId)
    .filter((box) => box.checked)
    .map((box) => box.value);
}

// Setting `checked` from script fires no event; announce it so every reader of the selection updates.
export function setAllChecked(formId: string, checked: boolean): void {
  for (const box of boxes(formId)) {
    if (box.checked === checked) continue;
    box.checked = checked;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener("change", onChange);
  return () => document.removeEventListener("change", onChange);
}

// The ids checked now, re-read whenever any checkbox changes.
export function useSelectedIds(formId: string | undefined): string[] {
  const snapshot = useSyncExternalStore(
    subscribe,
    () => (formId ? checkedIds(formId).join(" ") : ""),
    () => "",
  );
  return useMemo(() => (snapshot ? snapshot.split(" ") : []), [snapshot]);
}

export function SelectionCheckbox({ formId, value, label }: { formId: string; value: string; label: string }) {
  return (
    <label className="-m-2 inline-flex cursor-pointer p-2">
      <input type="checkbox" name="customerIds" value={value} form={formId} className="size-4 accent-brand-700" />
      <span className="sr-only">{label}</span>
    </label>
  );
}

// 全选本页: ticks every row of the page; shows "some" (indeterminate) when only part is ticked.
export function SelectAllCheckbox({ formId, label }: { formId: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const state = useSyncExternalStore(
    subscribe,
    () => {
      const all = boxes(formId);
      const checked = all.filter((box) => box.checked).length;
      return checked === 0 ? "none" : checked === all.length ? "all" : "some";
    },
    () => "none",
  );
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === "some";
  }, [state]);

  return (
    <label className="-m-2 inline-flex cursor-pointer p-2">
      <input
        ref={ref}
        type="checkbox"
        checked={state === "all"}
        onChange={(event) => setAllChecked(formId, event.target.checked)}
        className="size-4 accent-brand-700"
      />
      <span className="sr-only">{label}</span>
    </label>
  );
}

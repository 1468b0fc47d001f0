"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { toggleChecklistItemAction } from "@/lib/processes/actions";
import type { ChecklistItem } from "@/lib/processes/results";

type Props = {
  stepId: string;
  version: number;
  items: ChecklistItem[];
  // The step's allowed "check": ticking is offered only then.
  editable: boolean;
};

/** A step's 材料清单: one checkbox per required document, ticked or unticked at once (saved on change). */
export function StepChecklist({ stepId, version, items, editable }: Props) {
  const t = useTranslations("processes.progress");
  const router = useRouter();
  const { run, pending } = useAction(toggleChecklistItemAction, { onSuccess: () => router.refresh() });
  if (items.length === 0) return null;
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-gray-700">{t("checklist")}</legend>
      <ul className="space-y-1">
        {items.map((item) => {
          const id = `check-${stepId}-${item.name}`;
          return (
            <li key={item.name} className="flex items-start gap-2 text-sm">
              <input
                id={id}
                type="checkbox"
                className="mt-0.5 size-4 shrink-0"
                checked={item.done}
                disabled={!editable || pending}
                onChange={(e) => run({ stepId, version, item: item.name, done: e.target.checked })}
              />
              <label htmlFor={id} className={item.done ? "break-words text-gray-900" : "break-words text-gray-700"}>
                {item.name}
                {item.done && item.by && <span className="text-xs text-gray-500">{t("checkedBy", { name: item.by })}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

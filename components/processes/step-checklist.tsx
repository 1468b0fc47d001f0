"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useMessageKey } from "@/components/forms/use-message-key";
import { toggleChecklistItemAction } from "@/lib/processes/actions";
import type { ChecklistItem } from "@/lib/processes/results";

type Props = {
  stepId: string;
  version: number;
  items: ChecklistItem[];
  // The step's allowed "check": ticking is offered only then.
  editable: boolean;
};

/**
 * A step's 材料清单: one checkbox per required document, saved on change. The tick shows at once and
 * holds until the page comes back with the step's next version; a refusal (记录已被他人修改…) is an
 * error toast and the box returns to what is saved. The boxes wait for that version before the next
 * tick, which carries it.
 */
export function StepChecklist({ stepId, version, items, editable }: Props) {
  const t = useTranslations("processes.progress");
  const message = useMessageKey();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [tick, setTick] = useState<{ version: number; name: string; done: boolean } | null>(null);
  // A tick made on this version, not yet reflected by the page.
  const waiting = tick !== null && tick.version === version;
  if (items.length === 0) return null;

  function toggle(name: string, done: boolean) {
    setTick({ version, name, done });
    startTransition(async () => {
      const result = await toggleChecklistItemAction({ stepId, version, item: name, done });
      if (!result.ok) {
        setTick(null);
        toast.error(message("errors", result.formError ?? "unexpected"));
        return;
      }
      router.refresh();
    });
  }

  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-gray-700">{t("checklist")}</legend>
      <ul className="space-y-1">
        {items.map((item) => {
          const id = `check-${stepId}-${item.name}`;
          const done = waiting && tick.name === item.name ? tick.done : item.done;
          return (
            <li key={item.name} className="flex items-start gap-2 text-sm">
              <input
                id={id}
                type="checkbox"
                className="mt-0.5 size-4 shrink-0"
                checked={done}
                disabled={!editable || pending || waiting}
                onChange={(e) => toggle(item.name, e.target.checked)}
              />
              <label htmlFor={id} className={done ? "break-words text-gray-900" : "break-words text-gray-700"}>
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

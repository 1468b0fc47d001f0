"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { BulkApproveDialog } from "./bulk-approve-dialog";
import { DecisionSheet, type DecisionTarget } from "./decision-sheet";
import { InboxCard } from "./inbox-card";
import type { GroupView } from "./view";

// The pending groups, one section per kind, a card per item; the decision sheet; and, while items are
// selected for 批量通过, a bar kept at the bottom of the screen.
export function InboxList({ groups, viewerName }: { groups: GroupView[]; viewerName: string }) {
  const t = useTranslations("approvals.manager");
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);

  // Items decided meanwhile leave the list on refresh, and leave the selection with it.
  const items = groups.flatMap((g) => g.items);
  const selected = items.filter((item) => item.bulkApprove && picked.has(item.key));

  function toggle(key: string, on: boolean) {
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  return (
    <div className={selected.length > 0 ? "pb-24" : undefined}>
      <div className="space-y-8">
        {groups.map((group) => (
          <section key={group.kind} aria-labelledby={`group-${group.kind}`}>
            <h2 id={`group-${group.kind}`} className="mb-3 text-base font-semibold text-gray-900">
              {t("groupLabel", { kind: group.label, count: group.count })}
            </h2>
            {/* items-start: a card opened in place grows alone, not its neighbour in the row. */}
            <ul className="grid items-start gap-3 md:grid-cols-2 2xl:grid-cols-3">
              {group.items.map((item) => (
                <li key={item.key} className="min-w-0">
                  <InboxCard
                    item={item}
                    selected={picked.has(item.key)}
                    onSelect={item.bulkApprove ? (on) => toggle(item.key, on) : undefined}
                    onDecide={(decision) => {
                      setTarget({ item, decision });
                      setSheetOpen(true);
                    }}
                  />
                </li>
              ))}
            </ul>
            {group.count > group.items.length && (
              <p className="mt-3 text-sm text-gray-600">{t("moreThanShown", { shown: group.items.length, count: group.count })}</p>
            )}
          </section>
        ))}
      </div>

      {selected.length > 0 && (
        <div
          role="region"
          aria-label={t("bulkBar", { count: selected.length })}
          className="fixed inset-x-0 bottom-0 z-40 border-t border-gray-200 bg-white/95 px-4 py-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur lg:left-60"
        >
          <div className="mx-auto flex max-w-7xl items-center gap-2 lg:px-4">
            <p aria-live="polite" className="min-w-0 flex-1 text-sm font-medium text-gray-900">
              {t("bulkBar", { count: selected.length })}
            </p>
            <Button variant="ghost" size="lg" className="px-3" onClick={() => setPicked(new Set())}>
              {t("clearSelection")}
            </Button>
            <Button size="lg" className="px-4" onClick={() => setConfirming(true)}>
              {t("bulkApprove")}
            </Button>
          </div>
        </div>
      )}

      <DecisionSheet target={target} open={sheetOpen} viewerName={viewerName} onClose={() => setSheetOpen(false)} />
      <BulkApproveDialog
        open={confirming}
        items={selected}
        onOpenChange={setConfirming}
        onDone={(approvedKeys) => {
          setPicked((prev) => new Set([...prev].filter((key) => !approvedKeys.includes(key))));
        }}
      />
    </div>
  );
}

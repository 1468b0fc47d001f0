"use client";

import { useEffect, useRef, useState } from "react";
import type { DuplicateMatch } from "@/lib/customers/duplicates";
import type { DuplicateKey } from "@/lib/customers/schema";
import { checkDuplicateAction } from "@/lib/customers/actions";

export type DuplicateState = Partial<Record<DuplicateKey, DuplicateMatch[]>>;
type Answer = { value: string; matches: DuplicateMatch[] };

// Asks the server, 400 ms after typing stops, whether a duplicate-check field already belongs to
// a customer. Each answer remembers the value it was for and is shown only while the field still
// holds that value, so a slow reply can never describe newer input.
export function useDuplicateCheck(values: Record<DuplicateKey, string>, excludeId?: string) {
  const [answers, setAnswers] = useState<Partial<Record<DuplicateKey, Answer>>>({});
  const [checking, setChecking] = useState<DuplicateKey | null>(null);
  // What was last asked per field, so typing in one field does not re-check the others.
  const asked = useRef<Partial<Record<DuplicateKey, string>>>({});
  const serialized = JSON.stringify(values);

  useEffect(() => {
    const current = JSON.parse(serialized) as Record<DuplicateKey, string>;
    const timers = (Object.keys(current) as DuplicateKey[])
      .filter((field) => current[field].trim() !== "" && asked.current[field] !== current[field].trim())
      .map((field) =>
        setTimeout(async () => {
          const value = current[field].trim();
          asked.current[field] = value;
          setChecking(field);
          const result = await checkDuplicateAction({ field, value, excludeId });
          setChecking((c) => (c === field ? null : c));
          setAnswers((a) => ({ ...a, [field]: { value, matches: result.ok ? result.data : [] } }));
        }, 400),
      );
    return () => timers.forEach(clearTimeout);
  }, [serialized, excludeId]);

  const matches: DuplicateState = {};
  for (const field of Object.keys(values) as DuplicateKey[]) {
    const answer = answers[field];
    if (answer && answer.value === values[field].trim()) matches[field] = answer.matches;
  }
  return { matches, checking };
}

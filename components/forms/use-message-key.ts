"use client";

import { useTranslations } from "next-intl";

type Namespace = "errors" | "validation";

// Server and schema errors are message keys; anything that is not a known key (zod's own
// English defaults, say) is shown as the generic message rather than leaking through. `params`: the
// values a message names (a server field error's, see fieldErrorParams in ./use-action-form.ts).
export function useMessageKey() {
  const errors = useTranslations("errors");
  const validation = useTranslations("validation");
  return (namespace: Namespace, key: string, params?: Record<string, string>): string => {
    const t = namespace === "errors" ? errors : validation;
    if (t.has(key)) return t(key, params);
    return namespace === "errors" ? errors("unexpected") : validation("invalid");
  };
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useMessageKey } from "@/components/forms/use-message-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { loginAction } from "./actions";

// `callbackUrl` must already be safe (safeCallbackPath): it is echoed into the page.
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const message = useMessageKey();
  const [state, formAction, pending] = useActionState(loginAction, null);
  const failure = state && !state.ok ? state : null;
  const identifier = typeof failure?.details?.identifier === "string" ? failure.details.identifier : undefined;
  return (
    <form action={formAction} className="space-y-4">
      {failure && <Alert variant="error" title={message("errors", failure.formError ?? "unexpected")} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t("identifier")} htmlFor="identifier" required>
        <Input name="identifier" autoComplete="username" autoCapitalize="none" defaultValue={identifier} required autoFocus />
      </Field>
      <Field label={t("password")} htmlFor="password" required>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

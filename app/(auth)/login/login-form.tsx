"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { loginAction, type LoginState } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState<LoginState, FormData>(loginAction, {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error && (
        <Alert variant="error" title={state.error === "locked" ? t("tooManyAttempts") : t("invalidCredentials")} />
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t("identifier")} htmlFor="identifier" required>
        <Input name="identifier" autoComplete="username" autoCapitalize="none" defaultValue={state.identifier} required autoFocus />
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

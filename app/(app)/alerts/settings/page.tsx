import { getTranslations } from "next-intl/server";
import { ruleName } from "@/components/alerts/alert-labels";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { MONITOR_RULES } from "@/lib/alerts/rules/monitor";
import { SECRETARY_RULES } from "@/lib/alerts/rules/secretary";
import { getAlertSettings } from "@/lib/alerts/settings";
import { requirePermission } from "@/lib/auth/session";
import { AlertSettingsForm } from "./settings-form";

// 信息中心's 预警设置 (issue 11 §2, §3): per rule on/off, threshold (in its unit) and severity — the 预警监控
// rules, then the secretary's 合同报警 rules (their N days); the escalation delay in working days; the webhook URL.
export default async function AlertSettingsPage() {
  await requirePermission("alerts.settings");
  const [t, tAlarms, settings] = await Promise.all([getTranslations("alerts"), getTranslations("contractAlarms"), getAlertSettings()]);
  const alarmName = (code: string) => {
    const key = `rules.${code.replace(/^alarm\./, "")}.name`;
    return `${tAlarms("title")}：${tAlarms.has(key) ? tAlarms(key) : code}`;
  };
  const rules = [
    ...MONITOR_RULES.map((r) => ({ code: r.code, name: ruleName(t, r.code), unit: r.thresholdUnit, ...settings.rules[r.code] })),
    ...SECRETARY_RULES.map((r) => ({ code: r.code, name: alarmName(r.code), unit: r.thresholdUnit, ...settings.rules[r.code] })),
  ];
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <Card className="max-w-4xl">
        <CardContent className="pt-6">
          <AlertSettingsForm
            rules={rules}
            defaultValues={{
              rules: rules.map(({ code, enabled, threshold, severity }) => ({ code, enabled, threshold: String(threshold), severity })),
              escalateAfterDays: String(settings.escalateAfterDays),
              webhookUrl: settings.webhookUrl ?? "",
              version: String(settings.version),
            }}
          />
        </CardContent>
      </Card>
    </>
  );
}

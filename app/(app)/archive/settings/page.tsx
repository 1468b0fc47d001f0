import { getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getArchiveSettings } from "@/lib/archive/settings";
import { requirePermission } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { formatDateTime } from "@/lib/time";
import { SettingsForm } from "./settings-form";

// 信息中心's 档案设置 (issue 10 §1): the archive number pattern and the hand-off time limits.
export default async function ArchiveSettingsPage() {
  const user = await requirePermission("archive.settings");
  const [t, settings, row] = await Promise.all([
    getTranslations("archive.settings"),
    getArchiveSettings(),
    prisma.systemSetting.findUnique({ where: { key: "archive" }, select: { updatedAt: true, updatedBy: { select: { name: true } } } }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="max-w-2xl">
        <CardContent className="pt-6">
          <p className="mb-4 text-sm text-gray-600">
            {row ? t("updatedBy", { name: row.updatedBy?.name ?? "—", at: formatDateTime(row.updatedAt, user.locale) }) : t("neverSaved")}
          </p>
          <SettingsForm
            defaultValues={{
              numberPattern: settings.numberPattern,
              toArchiveDays: String(settings.toArchiveDays),
              toDocumentDays: String(settings.toDocumentDays),
              version: String(settings.version),
            }}
          />
        </CardContent>
      </Card>
    </>
  );
}

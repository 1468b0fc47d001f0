import { getTranslations } from "next-intl/server";
import { HandoverWizard } from "@/components/handover/handover-wizard";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { handoverChoices } from "@/lib/handover/queries";

// 移交工作's wizard (issue 11 §4): the sources and receivers the user may choose (lib/handover/queries.ts).
export default async function NewHandoverPage() {
  const user = await requirePermission("handover.manage");
  const [t, choices] = await Promise.all([getTranslations("handover"), handoverChoices(user)]);
  const defaultSource = choices.sources.find((s) => s.id === user.id) ?? choices.sources[0];
  return (
    <>
      <PageHeader title={t("wizard.title")} description={t("wizard.description")} />
      <Card>
        <CardContent>
          <HandoverWizard sources={choices.sources} receivers={choices.receivers} defaultSourceId={defaultSource?.id ?? ""} />
        </CardContent>
      </Card>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDictionaryOptions } from "@/lib/dictionaries/queries";
import { findContractProcesses } from "@/lib/processes/queries";
import { ProcessManager } from "./process-manager";

type Props = {
  contract: { id: string; countryId: string; courseStartOn: Date | null };
};

/**
 * 流程管理 on the contract page (manual section 4; issue 9 §3): the bound processes with their state,
 * 文案 and dates, the 执行中 one's name linking to 合同流程进度; 绑定 (国家 → 流程模板), and 启动 / 停止 on
 * the selected process, as the user's `allowed` actions say. Nothing at all when the contract has no
 * process and none may be bound (a draft, or a reader who may not bind).
 */
export async function ProcessesCard({ contract }: Props) {
  const user = await requireUser();
  const [t, data, options] = await Promise.all([
    getTranslations("processes.card"),
    findContractProcesses(user, contract.id),
    getDictionaryOptions(user.locale),
  ]);
  if (!data || (data.processes.length === 0 && !data.allowed.bind)) return null;
  // 国家: the contract's first, then any other country a bindable template belongs to.
  const countryIds = [contract.countryId, ...data.templates.map((tpl) => tpl.countryId).filter((id) => id !== contract.countryId)];
  const countries = [...new Set(countryIds)].map((id) => ({ id, label: options.COUNTRY.find((o) => o.value === id)?.label ?? id }));
  return (
    <Card id="processes" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ProcessManager
          contractId={contract.id}
          processes={data.processes}
          templates={data.templates}
          countries={countries}
          contractCountryId={contract.countryId}
          canBind={data.allowed.bind}
          officers={data.allowed.assign ? data.documentOfficers : null}
          askCourseStart={contract.courseStartOn === null}
        />
      </CardContent>
    </Card>
  );
}

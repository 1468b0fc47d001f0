"use client";

import { useTranslations } from "next-intl";
import { stopProcessAction } from "@/lib/processes/actions";
import { stopProcessSchema } from "@/lib/processes/schema";
import { ReasonDialog } from "./reason-dialog";

/**
 * 停止 (with a reason) for one process, on the contract's 流程管理 card and on 合同流程进度. A client
 * component of its own so that the zod schema stays on the client side: a server page cannot hand a
 * schema to a client component (it is not plain data).
 */
export function StopProcessDialog({ process }: { process: { id: string; name: string; version: number } }) {
  const ts = useTranslations("processes.stop");
  return (
    <ReasonDialog
      schema={stopProcessSchema}
      values={{ processId: process.id, version: process.version }}
      action={stopProcessAction}
      trigger={{ label: ts("button"), variant: "danger" }}
      title={ts("title")}
      description={ts("description", { name: process.name })}
      reasonLabel={ts("reason")}
      submitLabel={ts("submit")}
      pendingLabel={ts("pending")}
      done={ts("done")}
      danger
    />
  );
}

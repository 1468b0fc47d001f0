import type { AlertRule } from "../rule";
import { contractFinding, type AlarmContractRow } from "./common";

// 必填项为空 (issue 11 §3): a contract past 草稿 (not 已终止) with a field domain.md requires left empty —
// the contract's 合同号, 申请学校, 申请课程 blank or 一期费 zero (国家, 项目, 签约时间 and the fees are NOT
// NULL columns; a zero 二期费 means "no 二期" and is allowed), or its client's signing fields 性别,
// 身份证, 籍贯, 出生日期, 学历 missing (kept by the forms, but lost by imports and hand edits). The
// finding lists the empty fields (params.fields, keys of the `fields` messages); filling them resolves it.

type Row = AlarmContractRow & { fields: string[] };

/** Every field the rule checks, in the order the queue names them. */
export const CHECKED_FIELDS = ["number", "school", "course", "firstFee", "gender", "idCard", "nativePlace", "birthDate", "education"] as const;

export const requiredFieldsRule: AlertRule = {
  code: "alarm.requiredFields",
  audience: "SECRETARY",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 0,
  thresholdUnit: "none",
  async find(db) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT * FROM (
        SELECT c."id", c."number", c."customerId", c."customerName", u."teamId",
               array_remove(ARRAY[
                 CASE WHEN btrim(c."number") = '' THEN 'number' END,
                 CASE WHEN btrim(c."school") = '' THEN 'school' END,
                 CASE WHEN btrim(c."course") = '' THEN 'course' END,
                 CASE WHEN c."firstFee" <= 0 THEN 'firstFee' END,
                 CASE WHEN cu."gender" IS NULL THEN 'gender' END,
                 CASE WHEN COALESCE(btrim(cu."idCard"), '') = '' THEN 'idCard' END,
                 CASE WHEN COALESCE(btrim(cu."nativePlace"), '') = '' THEN 'nativePlace' END,
                 CASE WHEN cu."birthDate" IS NULL THEN 'birthDate' END,
                 CASE WHEN cu."educationId" IS NULL THEN 'education' END
               ], NULL) AS fields
        FROM "Contract" c JOIN "Customer" cu ON cu."id" = c."customerId" JOIN "User" u ON u."id" = c."ownerId"
        WHERE c."status" IN ('PENDING_MANAGER', 'PENDING_FINANCE', 'AUDITED', 'IN_SERVICE', 'COMPLETED')
      ) t WHERE cardinality(t.fields) > 0`;
    return rows.map((row) => contractFinding(row, { fields: row.fields }));
  },
};

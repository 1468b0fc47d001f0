import type { AlertRule } from "./rule";
import { auditPendingRule } from "./secretary/audit-pending";
import { missingScanRule } from "./secretary/missing-scan";
import { numberDuplicateRule } from "./secretary/number-duplicate";
import { numberGapRule } from "./secretary/number-gap";
import { originalsLateRule } from "./secretary/originals-late";
import { requiredFieldsRule } from "./secretary/required-fields";

// The 行政秘书检查合同报警 rules (domain.md section 11; issue 11 §3), in the order the queue lists them.
export const SECRETARY_RULES: readonly AlertRule[] = [
  missingScanRule,
  originalsLateRule,
  numberDuplicateRule,
  numberGapRule,
  requiredFieldsRule,
  auditPendingRule,
];

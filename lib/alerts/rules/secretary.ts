import type { AlertRule } from "./rule";

// The 行政秘书检查合同报警 rules (domain.md section 11; issue 11 §3), in the order the queue lists them.
export const SECRETARY_RULES: readonly AlertRule[] = [];

import type { AlertRule } from "./rule";

// The 预警监控 rules (domain.md section 10; issue 11 §2), in the order the board and the settings list them.
export const MONITOR_RULES: readonly AlertRule[] = [];

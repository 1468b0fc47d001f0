import type { AlertRule } from "./rule";
import { applicationDeadline } from "./monitor/application-deadline";
import { caseInactive } from "./monitor/case-inactive";
import { contractNoProcess } from "./monitor/contract-no-process";
import { contractUnaudited } from "./monitor/contract-unaudited";
import { offerNoTransfer } from "./monitor/offer-no-transfer";
import { passportExpiry } from "./monitor/passport-expiry";
import { stepOverdue } from "./monitor/step-overdue";
import { transferUnsigned } from "./monitor/transfer-unsigned";
import { visaSecondFee } from "./monitor/visa-second-fee";

// The 预警监控 rules (domain.md section 10; issue 11 §2), in the order the board and the settings list them.
export const MONITOR_RULES: readonly AlertRule[] = [
  contractUnaudited,
  contractNoProcess,
  stepOverdue,
  caseInactive,
  offerNoTransfer,
  visaSecondFee,
  applicationDeadline,
  passportExpiry,
  transferUnsigned,
];

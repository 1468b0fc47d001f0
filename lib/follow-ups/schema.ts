import { z } from "zod";
import { shanghaiToday } from "@/lib/time";
import { isIsoDate } from "@/lib/validation/china";
import { recordId } from "@/lib/validation/record";
import { optionalLine, requiredLine, requiredMultiLine } from "@/lib/validation/text";

// Shared by the follow-up form (react-hook-form + zodResolver) and the server action. Texts are cleaned
// first (lib/validation/text.ts), then checked in the form they will be stored in.
// Messages are keys of the `validation` namespace, or of `followUps.validation` for the rules only
// follow-ups have.

export const FOLLOW_UP_CHANNELS = ["PHONE", "WECHAT", "VISIT", "OTHER"] as const;
export const FOLLOW_UP_CONTENT_MAX = 2000;

// The earliest 联系日期 accepted: older notes are typing mistakes, not history anyone records now.
const EARLIEST = "2000-01-01";

export const followUpSchema = z
  .object({
    customerId: recordId(),
    // Checks on one string all run unless told to abort: a blank or malformed date gets one message.
    contactedOn: requiredLine()
      .refine(isIsoDate, { message: "dateInvalid", abort: true })
      .refine((v) => v >= EARLIEST && v <= shanghaiToday(), "contactedOnRange"),
    channel: z.enum(FOLLOW_UP_CHANNELS, "invalidChoice"),
    content: requiredMultiLine(FOLLOW_UP_CONTENT_MAX),
    nextContactOn: optionalLine().refine((v) => v === null || isIsoDate(v), "dateInvalid"),
  })
  // Compare only two valid dates: when a field already failed, its own message is the one to show.
  .refine((v) => !v.nextContactOn || !isIsoDate(v.nextContactOn) || !isIsoDate(v.contactedOn) || v.nextContactOn >= v.contactedOn, {
    message: "nextContactBeforeContacted",
    path: ["nextContactOn"],
  });

export type FollowUpFormValues = z.input<typeof followUpSchema>;
export type FollowUpInput = z.output<typeof followUpSchema>;

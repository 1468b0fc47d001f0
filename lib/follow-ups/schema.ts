import { z } from "zod";
import { shanghaiToday } from "@/lib/time";
import { isIsoDate } from "@/lib/validation/china";

// Shared by the follow-up form (react-hook-form + zodResolver) and the server action.
// Messages are keys of the `validation` namespace, or of `followUps.validation` for the rules only
// follow-ups have.

export const FOLLOW_UP_CHANNELS = ["PHONE", "WECHAT", "VISIT", "OTHER"] as const;
export const FOLLOW_UP_CONTENT_MAX = 2000;

// The earliest 联系日期 accepted: older notes are typing mistakes, not history anyone records now.
const EARLIEST = "2000-01-01";

export const followUpSchema = z
  .object({
    customerId: z.string().trim().min(1, "required"),
    // Checks on one string all run unless told to abort: a blank or malformed date gets one message.
    contactedOn: z
      .string()
      .trim()
      .min(1, { message: "required", abort: true })
      .refine(isIsoDate, { message: "dateInvalid", abort: true })
      .refine((v) => v >= EARLIEST && v <= shanghaiToday(), "contactedOnRange"),
    channel: z.enum(FOLLOW_UP_CHANNELS, "invalidChoice"),
    content: z.string().trim().min(1, "required").max(FOLLOW_UP_CONTENT_MAX, "tooLong"),
    nextContactOn: z
      .string()
      .trim()
      .refine((v) => v === "" || isIsoDate(v), "dateInvalid")
      .transform((v) => (v === "" ? null : v)),
  })
  // Compare only two valid dates: when a field already failed, its own message is the one to show.
  .refine((v) => !v.nextContactOn || !isIsoDate(v.nextContactOn) || !isIsoDate(v.contactedOn) || v.nextContactOn >= v.contactedOn, {
    message: "nextContactBeforeContacted",
    path: ["nextContactOn"],
  });

export type FollowUpFormValues = z.input<typeof followUpSchema>;
export type FollowUpInput = z.output<typeof followUpSchema>;

export function emptyFollowUp(customerId: string): FollowUpFormValues {
  return { customerId, contactedOn: shanghaiToday(), channel: "PHONE", content: "", nextContactOn: "" };
}

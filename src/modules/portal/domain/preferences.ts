/** The debtor's contact preferences as the portal edits them. */
import { z } from "zod";

export const PREFERRED_CHANNELS = ["email", "sms", "letter", "phone"] as const;
export const OPT_OUT_CHANNELS = ["email", "sms", "letter", "phone"] as const;

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time like 09:00")
  .describe("HH:MM in the debtor's time zone");

export const preferencesSchema = z.object({
  channel: z.enum(PREFERRED_CHANNELS).nullable(),
  window: z
    .object({ from: clock, to: clock })
    .refine((w) => w.from < w.to, { message: "window: 'from' must be before 'to'" })
    .nullable(),
  language: z.enum(["it", "en"]),
  optOut: z.array(z.enum(OPT_OUT_CHANNELS)).max(4),
});

export type Preferences = z.infer<typeof preferencesSchema>;

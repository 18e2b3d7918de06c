import { z } from "zod";

/** The creditor as the debtor sees it, on the entry page and in the overview. */
export const brandOut = z.object({
  name: z.string(),
  legalName: z.string(),
  colour: z.string().nullable(),
  logoUrl: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const minorOut = z.string().regex(/^-?\d+$/);

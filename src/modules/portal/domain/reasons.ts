/**
 * Why a debtor has not paid, as the portal asks it. Every reason reaches a person:
 * disputes pause contacts until someone checks (a receipt for "already paid" goes to
 * proof checking), hardship pauses them so a person can offer a fitting arrangement.
 */
import type { HoldReason } from "../../policy/domain";

export const PORTAL_REASONS = [
  "invoice_not_received",
  "billing_error",
  "already_paid",
  "temporary_difficulty",
  "job_loss_illness",
  "not_my_debt",
] as const;
export type PortalReason = (typeof PORTAL_REASONS)[number];

export interface ReasonHandling {
  hold: HoldReason;
  task: "review" | "proof_check";
}

export function reasonHandling(reason: PortalReason, hasProof: boolean): ReasonHandling {
  switch (reason) {
    case "temporary_difficulty":
    case "job_loss_illness":
      return { hold: "hardship", task: "review" };
    case "already_paid":
      return { hold: "dispute", task: hasProof ? "proof_check" : "review" };
    default:
      return { hold: "dispute", task: "review" };
  }
}

export const ATTACHMENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The file is what it says it is: PDF, JPEG and PNG by their first bytes. */
export function attachmentMatchesType(bytes: Buffer, contentType: string): boolean {
  if (contentType === "application/pdf") return bytes.subarray(0, 5).toString("latin1") === "%PDF-";
  if (contentType === "image/jpeg")
    return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (contentType === "image/png")
    return bytes
      .subarray(0, 8)
      .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return false;
}

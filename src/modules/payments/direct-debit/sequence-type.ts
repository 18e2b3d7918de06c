/** Which of the four SEPA sequence types (SeqTp) a collection under a mandate carries. */

export const SEQUENCE_TYPES = ["FRST", "RCUR", "FNAL", "OOFF"] as const;
export type SequenceType = (typeof SEQUENCE_TYPES)[number];

export interface SequenceTypeInput {
  /** Day of the first collection that went through under this mandate; absent until then. */
  readonly firstCollectedAt?: string;
  readonly isLastOfPlan: boolean;
  /** A single collection under a one-off mandate. */
  readonly oneOff: boolean;
}

/**
 * OOFF for a one-off mandate; otherwise FRST until a first collection went through,
 * then RCUR, and FNAL for the plan's last installment.
 *
 * Since the November 2016 rulebook (SDD Core 9.0) FRST is optional and a series may
 * start with RCUR, but we keep FRST for the first collection: every bank accepts it,
 * while some older channels still reject a series that opens with RCUR.
 * After a FNAL the mandate is spent and no later collection may use it, so callers
 * pass isLastOfPlan only when no further installment can follow (not while the plan
 * may still be renegotiated or a failed installment re-presented).
 */
export function sequenceTypeFor(input: SequenceTypeInput): SequenceType {
  if (input.oneOff) return "OOFF";
  if (input.firstCollectedAt === undefined) return "FRST";
  return input.isLastOfPlan ? "FNAL" : "RCUR";
}

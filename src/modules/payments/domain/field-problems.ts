import { AppError } from "../../../platform/errors.js";

/** One thing wrong with one field of a payment reference, phrased for a person. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** Parsers of untrusted text return every problem found instead of throwing. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/** Builders throw this when their input cannot become a valid reference or payload. */
export class PaymentDataError extends AppError {
  constructor(readonly problems: readonly FieldProblem[]) {
    super("validation_failed", describeProblems(problems), { problems });
    this.name = "PaymentDataError";
  }
}

export function describeProblems(problems: readonly FieldProblem[]): string {
  return problems.map((problem) => `${problem.field}: ${problem.reason}`).join("; ");
}

export function throwIfAny(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new PaymentDataError(problems);
}

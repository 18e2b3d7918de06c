import { AppError } from "../../../platform/errors.js";
import { describeProblems, type FieldProblem } from "../../payments/domain/index.js";

export type { FieldProblem };

/** Impossible plan input is a caller's mistake: one validation_failed naming every bad field. */
export function throwIfProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) {
    throw new AppError("validation_failed", describeProblems(problems), { problems });
  }
}

import type { InstallmentRecord } from "./records";

export interface InstallmentWithOpen extends InstallmentRecord {
  openAmountMinor: bigint;
}

/**
 * What is still open on each installment: the amount already paid on the
 * invoice settles installments oldest first, as a debtor would expect.
 */
export function allocateOpenAmount(
  installments: InstallmentRecord[],
  amountMinor: bigint,
  openAmountMinor: bigint,
): InstallmentWithOpen[] {
  let paid = amountMinor - openAmountMinor;
  return [...installments]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq)
    .map((installment) => {
      const settled =
        paid > installment.amountMinor ? installment.amountMinor : paid > 0n ? paid : 0n;
      paid -= settled;
      return { ...installment, openAmountMinor: installment.amountMinor - settled };
    });
}

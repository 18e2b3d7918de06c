import {
  assignVariant,
  type StrategyVersion,
  selectStrategy,
  variantOf,
} from "../../strategies/domain";
import type { CaseFactsRow } from "./case-inputs";

/** The case's strategy version: kept once assigned; chosen by segment rules and a variant otherwise. */
export function assignStrategy<V extends StrategyVersion & { rowId: string }>(
  row: CaseFactsRow & { strategy_version_id: string | null },
  versions: V[],
) {
  if (row.strategy_version_id) {
    const version = versions.find((v) => v.rowId === row.strategy_version_id);
    if (version)
      return { version, variant: row.variant ?? variantOf(version, "").key, isNew: false, why: "" };
  }
  const facts = {
    balanceMinor: BigInt(row.balance_minor),
    debtor: {
      kind: row.debtor_kind === "company" ? ("company" as const) : ("person" as const),
      language: row.language,
      segment: row.segment ?? undefined,
      riskClass: row.risk_class ?? undefined,
    },
  };
  const selection = selectStrategy(versions, facts);
  if (!selection) return undefined;
  const version = versions.find(
    (v) =>
      v.strategyId === selection.strategy.strategyId && v.version === selection.strategy.version,
  );
  if (!version) return undefined;
  const variant = assignVariant(row.case_id, version.strategyId, version.definition.variants);
  return { version, variant, isNew: true, why: selection.reason };
}

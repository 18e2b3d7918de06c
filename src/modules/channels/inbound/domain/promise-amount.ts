/**
 * Amounts in euro as debtors write them: "50 euro", "€ 50,00", "50€",
 * "euro 1.200". A number without a currency is not read as money: "pago 15"
 * is as likely a day as an amount.
 */
import { parseAmount } from "../../../../platform/money.js";

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const CURRENCY = `€|euro|euros|eur`;

const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?:${CURRENCY}) ?(${NUMBER})|(${NUMBER}) ?(?:${CURRENCY}))(?![\p{L}\p{N}])`,
  "gu",
);

/** Every euro amount in normalised text, in minor units, in order of appearance. */
export function findAmounts(text: string): bigint[] {
  const amounts: bigint[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const minor = parseAmount(match[1] ?? match[2] ?? "", 2);
    if (minor !== null && minor > 0n) amounts.push(minor);
  }
  return amounts;
}

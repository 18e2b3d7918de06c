import { useApp } from "../app-context";
import { formatMoney } from "../format";

/** An amount of minor units in the case's currency, formatted for the page's language. */
export function Amount({
  minor,
  currency,
  id,
  className,
}: {
  minor: string;
  currency: string;
  id?: string;
  className?: string;
}) {
  const { language } = useApp();
  return (
    <span id={id} className={className ? `amount ${className}` : "amount"}>
      {formatMoney(minor, currency, language)}
    </span>
  );
}

/** The same as text, for sentences and alt texts. */
export function useMoney(currency: string): (minor: string) => string {
  const { language } = useApp();
  return (minor) => formatMoney(minor, currency, language);
}

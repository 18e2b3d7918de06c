/**
 * How a contact point is shown before the debtor has proved who they are: enough
 * to recognise their own ("m***@g***.it", "+39 *** *** *67"), too little to learn
 * anything about a stranger's employer or number.
 */
export function maskBeforeEntry(value: string): string {
  const at = value.lastIndexOf("@");
  if (at > 0) {
    const domain = value.slice(at + 1);
    const dot = domain.lastIndexOf(".");
    const tld = dot > 0 ? domain.slice(dot) : "";
    return `${value[0]}***@${domain[0] ?? ""}***${tld}`;
  }
  const digits = value.replace(/[^\d+]/g, "");
  return `${digits.slice(0, 3)} *** *** *${digits.slice(-2)}`;
}

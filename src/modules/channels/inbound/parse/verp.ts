/**
 * VERP (variable envelope return path): each outgoing message gets its own
 * return address, bounces+<token>@domain, so a bounce names the message it is
 * about even when the remote server sends no usable report or strips headers.
 */

const DEFAULT_PREFIX = "bounces";

/** The token of a VERP address, or undefined when the address is not one. */
export function bounceTokenFromAddress(
  address: string,
  prefix = DEFAULT_PREFIX,
): string | undefined {
  const bare = address.match(/<([^<>]*)>/)?.[1] ?? address;
  const at = bare.lastIndexOf("@");
  if (at < 0) return undefined;
  const local = bare.slice(0, at).trim();
  const lead = `${prefix.toLowerCase()}+`;
  if (!local.toLowerCase().startsWith(lead)) return undefined;
  const token = local.slice(lead.length);
  return /^[A-Za-z0-9._=-]+$/.test(token) ? token : undefined;
}

/** The return address for a token; tokens are limited to characters safe in a local part. */
export function bounceAddressFor(token: string, domain: string, prefix = DEFAULT_PREFIX): string {
  if (!/^[A-Za-z0-9._=-]+$/.test(token)) throw new RangeError(`unsafe VERP token: ${token}`);
  return `${prefix}+${token}@${domain}`;
}

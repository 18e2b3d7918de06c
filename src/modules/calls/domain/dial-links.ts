/** Links a softphone or a desk phone opens: tel: (RFC 3966) everywhere, sip: when a SIP domain is set. */

export function telHref(e164: string): string {
  return `tel:${e164.replace(/[^+\d]/g, "")}`;
}

export function sipHref(e164: string, sipDomain: string | null): string | null {
  if (!sipDomain) return null;
  return `sip:${e164.replace(/[^+\d]/g, "")}@${sipDomain};user=phone`;
}

/**
 * SMPP addresses: how a sender id or an E.164 number becomes TON/NPI/digits,
 * and back for the numbers an SMSC hands us.
 */
import { SmsSendError } from "./sms-transport.js";

const TON_UNKNOWN = 0;
const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const NPI_UNKNOWN = 0;
const NPI_ISDN = 1;

export interface SmppAddressFields {
  ton: number;
  npi: number;
  address: string;
}

export interface SourceOverrides {
  sourceTon?: number;
  sourceNpi?: number;
}

// Alphanumeric sender ids: at most 11 characters, and handsets show plain ASCII reliably.
const ALPHANUMERIC_SENDER = /^[\x20-\x7e]{1,11}$/;

/** "+39333..." → international; "4040" → left to the SMSC; "Saldo" → alphanumeric. */
export function sourceAddress(from: string, overrides: SourceOverrides = {}): SmppAddressFields {
  let fields: SmppAddressFields;
  if (/^\+\d{1,15}$/.test(from)) {
    fields = { ton: TON_INTERNATIONAL, npi: NPI_ISDN, address: from.slice(1) };
  } else if (/^\d{1,15}$/.test(from)) {
    fields = { ton: TON_UNKNOWN, npi: NPI_ISDN, address: from };
  } else if (ALPHANUMERIC_SENDER.test(from)) {
    fields = { ton: TON_ALPHANUMERIC, npi: NPI_UNKNOWN, address: from };
  } else {
    throw new SmsSendError(
      `sender "${from}" is neither a number nor an alphanumeric id of at most 11 ASCII characters`,
      true,
      "invalid_source",
    );
  }
  return {
    ton: overrides.sourceTon ?? fields.ton,
    npi: overrides.sourceNpi ?? fields.npi,
    address: fields.address,
  };
}

/** An E.164 recipient as SMPP wants it: international, ISDN, digits without '+'. */
export function destinationAddress(e164: string): SmppAddressFields {
  return { ton: TON_INTERNATIONAL, npi: NPI_ISDN, address: e164.replace(/^\+/, "") };
}

/** A number from the SMSC in E.164 when its TON says international; otherwise as given. */
export function addressFromSmsc(address: string, ton: number): string {
  if (ton === TON_INTERNATIONAL && /^\d+$/.test(address)) return `+${address}`;
  return address;
}

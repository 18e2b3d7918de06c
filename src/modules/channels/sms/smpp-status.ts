/**
 * SMPP command_status values: their names (from the library's table) and
 * whether a refused submit_sm is worth sending again.
 */
import smpp from "smpp";
import { SmsSendError } from "./sms-transport.js";

const NAMES = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

/** "ESME_RTHROTTLED", or "0x00000400" for a vendor-specific code. */
export function statusName(status: number): string {
  return NAMES.get(status) ?? `0x${status.toString(16).padStart(8, "0")}`;
}

/** The SMSC is busy, overloaded or briefly confused: the same PDU may pass later. */
const TRANSIENT = new Set([
  "ESME_RTHROTTLED",
  "ESME_RMSGQFUL",
  "ESME_RSYSERR",
  "ESME_RX_T_APPN",
  "ESME_RSUBMITFAIL",
  "ESME_RINVBNDSTS",
  "ESME_RUNKNOWNERR",
]);

const DESCRIPTIONS: Record<string, string> = {
  ESME_RINVMSGLEN: "message length is invalid",
  ESME_RSYSERR: "system error",
  ESME_RINVSRCADR: "invalid source address",
  ESME_RINVDSTADR: "invalid destination address",
  ESME_RBINDFAIL: "bind failed",
  ESME_RINVPASWD: "invalid password",
  ESME_RINVSYSID: "invalid system_id",
  ESME_RMSGQFUL: "message queue full",
  ESME_RTHROTTLED: "throttling error: too many messages per second",
  ESME_RINVDCS: "invalid data_coding",
};

export function describeStatus(status: number): string {
  const name = statusName(status);
  const description = DESCRIPTIONS[name];
  return description ? `${name} (${description})` : name;
}

/**
 * A refusal of submit_sm as a send error. Codes outside the SMPP table are
 * vendor-specific (often "no credit", "route unavailable"): transient, so the
 * dispatcher's retry limit decides, rather than losing a message for good.
 */
export function submitRefusal(status: number, reference: string): SmsSendError {
  const name = statusName(status);
  const permanent = NAMES.has(status) && !TRANSIENT.has(name);
  return new SmsSendError(
    `SMSC refused SMS ${reference}: ${describeStatus(status)}`,
    permanent,
    name,
  );
}

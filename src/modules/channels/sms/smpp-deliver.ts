/**
 * What a deliver_sm means: a delivery receipt for something we sent, or a
 * message (or one part of one) from a handset. Pure over the decoded PDU.
 */
import type { DecodedMessage, Pdu } from "smpp";
import type { ConcatInfo, InboundPart } from "./mo-reassembly.js";
import {
  parseReceiptText,
  receiptErrorCode,
  statusFromMessageState,
  statusFromStat,
} from "./parse-delivery-receipt.js";
import { addressFromSmsc } from "./smpp-addresses.js";
import type { DeliveryReceipt } from "./sms-transport.js";

export type DeliverEvent =
  | { kind: "receipt"; receipt: DeliveryReceipt }
  | { kind: "inbound"; part: InboundPart }
  | { kind: "ignored"; reason: string };

/** esm_class bits 2-5, the message type: 0 is a normal message; receipts and acknowledgements set one. */
const MESSAGE_TYPE_MASK = 0x3c;

const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;

export function interpretDeliverSm(pdu: Pdu, at: Date): DeliverEvent {
  const content = decodedContent(pdu);
  if ((numberField(pdu.esm_class) & MESSAGE_TYPE_MASK) !== 0) {
    return receiptEvent(pdu, content.text ?? "", at);
  }
  if (content.text === undefined) {
    return { kind: "ignored", reason: `MO with undecodable data_coding ${pdu.data_coding}` };
  }
  const part: InboundPart = {
    from: addressFromSmsc(stringField(pdu.source_addr), numberField(pdu.source_addr_ton)),
    to: addressFromSmsc(stringField(pdu.destination_addr), numberField(pdu.dest_addr_ton)),
    text: content.text,
    at,
  };
  const concat = concatInfo(pdu, content.udh);
  return { kind: "inbound", part: concat ? { ...part, concat } : part };
}

/** TLVs first (SMPP 3.4), then the receipt text most SMSCs send. */
function receiptEvent(pdu: Pdu, text: string, at: Date): DeliverEvent {
  const parsed = parseReceiptText(text);
  const providerId = stringField(pdu.receipted_message_id) || parsed?.id;
  if (!providerId) return { kind: "ignored", reason: `receipt without a message id: "${text}"` };
  const status =
    typeof pdu.message_state === "number"
      ? statusFromMessageState(pdu.message_state)
      : statusFromStat(parsed?.stat);
  const errorCode = receiptErrorCode(parsed?.err) ?? networkErrorCode(pdu.network_error_code);
  // The text's "done date" has no time zone in SMPP 3.4; arrival time is unambiguous and seconds away.
  return {
    kind: "receipt",
    receipt: { providerId, status, ...(errorCode ? { errorCode } : {}), at },
  };
}

/** short_message, or message_payload when the SMSC put the text there instead. */
function decodedContent(pdu: Pdu): { text?: string; udh: Buffer[] } {
  const short = pdu.short_message as DecodedMessage | Buffer | undefined;
  const payload = pdu.message_payload as DecodedMessage | Buffer | undefined;
  const chosen = hasContent(short) || !payload ? short : payload;
  if (chosen === undefined) return { text: "", udh: [] };
  if (Buffer.isBuffer(chosen)) return { udh: [] };
  const udh = chosen.udh ?? [];
  return typeof chosen.message === "string" ? { text: chosen.message, udh } : { udh };
}

function hasContent(message: DecodedMessage | Buffer | undefined): boolean {
  if (message === undefined) return false;
  return (Buffer.isBuffer(message) ? message : message.message).length > 0;
}

/** Concatenation by UDH (8- or 16-bit reference) or by the SAR TLVs. */
function concatInfo(pdu: Pdu, udh: Buffer[]): ConcatInfo | undefined {
  for (const ie of udh) {
    if (ie[0] === IEI_CONCAT_8BIT && ie[1] === 3 && ie.length >= 5) {
      return { reference: ie[2]!, total: ie[3]!, seq: ie[4]! };
    }
    if (ie[0] === IEI_CONCAT_16BIT && ie[1] === 4 && ie.length >= 6) {
      return { reference: ie.readUInt16BE(2), total: ie[4]!, seq: ie[5]! };
    }
  }
  if (typeof pdu.sar_msg_ref_num === "number") {
    return {
      reference: pdu.sar_msg_ref_num,
      total: numberField(pdu.sar_total_segments),
      seq: numberField(pdu.sar_segment_seqnum),
    };
  }
  return undefined;
}

/** network_error_code TLV: network type (1 octet) and that network's error (2 octets). */
function networkErrorCode(value: unknown): string | undefined {
  if (!Buffer.isBuffer(value) || value.length < 3) return undefined;
  const code = value.readUInt16BE(1);
  return code === 0 ? undefined : String(code);
}

function numberField(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function stringField(value: unknown): string {
  return typeof value === "string" ? value : "";
}

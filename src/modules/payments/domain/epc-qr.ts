/**
 * The EPC QR code payload ("GiroCode", EPC069-12) that a banking app scans to pre-fill
 * a SEPA credit transfer: Saldo writes version 002, character set 1 (UTF-8), SCT.
 */
import {
  checkEpcQrFields,
  EPC_IDENTIFICATION,
  EPC_MAX_PAYLOAD_BYTES,
  EPC_SERVICE_TAG,
  type EpcQrFields,
  type EpcQrVersion,
  formatEpcAmount,
} from "./epc-qr-fields.js";
import { type FieldProblem, throwIfAny } from "./field-problems.js";
import { normalizeBic, normalizeIban } from "./iban.js";
import { normalizeCreditorReference } from "./rf-reference.js";

export interface EpcQrInput {
  readonly name: string;
  readonly iban: string;
  /** Optional in version 002 within the EEA; mandatory in version 001. */
  readonly bic?: string | undefined;
  readonly amountMinor: bigint;
  readonly currency: "EUR";
  /** ISO 20022 purpose code, e.g. "GDDS". */
  readonly purpose?: string | undefined;
  /** Structured reference, normally an RF reference (see caseCreditorReference). */
  readonly reference?: string | undefined;
  /** Unstructured remittance text; use either this or `reference`. */
  readonly text?: string | undefined;
  readonly information?: string | undefined;
  /** "002" unless a payer's bank outside the EEA needs "001". */
  readonly version?: EpcQrVersion | undefined;
}

const UTF8_CHARACTER_SET_CODE = "1";
const utf8 = new TextEncoder();

/** Every problem with the input, each naming its field; empty when a payload can be built. */
export function checkEpcQrInput(input: EpcQrInput): FieldProblem[] {
  const { fields, problems } = toFields(input);
  if (problems.length > 0) return problems;
  const payloadProblem = payloadSizeProblem(assemble(fields));
  return payloadProblem ? [payloadProblem] : [];
}

/**
 * The payload: elements separated by LF, trailing empty optional elements left out
 * so the last populated element is not followed by a separator. Throws a
 * PaymentDataError listing every problem.
 */
export function epcQrPayload(input: EpcQrInput): string {
  const { fields, problems } = toFields(input);
  throwIfAny(problems);
  const payload = assemble(fields);
  const sizeProblem = payloadSizeProblem(payload);
  throwIfAny(sizeProblem ? [sizeProblem] : []);
  return payload;
}

function toFields(input: EpcQrInput): { fields: EpcQrFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (input.currency !== "EUR") {
    problems.push({ field: "currency", reason: "must be EUR (SEPA credit transfers are in euro)" });
  }
  const version = input.version ?? "002";
  if (version !== "001" && version !== "002") {
    problems.push({ field: "version", reason: "must be 001 or 002" });
  }
  const bic = optional(input.bic);
  const reference = optional(input.reference);
  const fields: EpcQrFields = {
    version,
    bic: bic === undefined ? undefined : normalizeBic(bic),
    name: input.name.trim(),
    iban: normalizeIban(input.iban),
    amountMinor: input.amountMinor,
    purpose: optional(input.purpose)?.toUpperCase(),
    reference: reference === undefined ? undefined : referenceForPayload(reference),
    text: optional(input.text),
    information: optional(input.information),
  };
  problems.push(...checkEpcQrFields(fields, { checkIban: true }));
  return { fields, problems };
}

/** Blank optional elements are the same as absent ones. */
function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** RF references go in electronic form; other structured references as given. */
function referenceForPayload(reference: string): string {
  return /^RF/i.test(reference) ? normalizeCreditorReference(reference) : reference;
}

function assemble(fields: EpcQrFields): string {
  const elements = [
    EPC_SERVICE_TAG,
    fields.version,
    UTF8_CHARACTER_SET_CODE,
    EPC_IDENTIFICATION,
    fields.bic ?? "",
    fields.name,
    fields.iban,
    fields.amountMinor === undefined ? "" : formatEpcAmount(fields.amountMinor),
    fields.purpose ?? "",
    fields.reference ?? "",
    fields.text ?? "",
    fields.information ?? "",
  ];
  while (elements.at(-1) === "") elements.pop();
  return elements.join("\n");
}

function payloadSizeProblem(payload: string): FieldProblem | null {
  const bytes = utf8.encode(payload).length;
  if (bytes <= EPC_MAX_PAYLOAD_BYTES) return null;
  return {
    field: "payload",
    reason: `is ${bytes} bytes, at most ${EPC_MAX_PAYLOAD_BYTES} fit in the QR code; shorten name, text or information`,
  };
}

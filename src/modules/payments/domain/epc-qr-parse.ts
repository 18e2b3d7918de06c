/**
 * Reads an EPC QR payload back into its elements: for round-trip tests, for checking
 * QR codes that creditors already print, and for other generators' test vectors.
 */
import {
  checkEpcQrFields,
  EPC_CHARACTER_SETS,
  EPC_IDENTIFICATION,
  EPC_MAX_PAYLOAD_BYTES,
  EPC_SERVICE_TAG,
  EPC_VERSIONS,
  type EpcCharacterSet,
  type EpcQrFields,
  type EpcQrVersion,
  parseEpcAmount,
} from "./epc-qr-fields.js";
import type { FieldProblem, Parsed } from "./field-problems.js";

export interface EpcQrData extends EpcQrFields {
  /** The declared character set; the caller has already decoded the bytes to text. */
  readonly characterSet: EpcCharacterSet;
  readonly identification: typeof EPC_IDENTIFICATION;
}

export interface EpcQrParseOptions {
  /** Default true. False accepts placeholder IBANs such as "DE12345678901234567890". */
  readonly checkIban?: boolean;
}

/** Service tag to IBAN are required; elements 8–12 may be left out from the end. */
const MIN_ELEMENTS = 7;
const MAX_ELEMENTS = 12;
const utf8 = new TextEncoder();

/**
 * Accepts LF or CRLF separators. One trailing line break is tolerated: some
 * generators (jEPC) emit it although the guidelines end at the last element.
 */
export function parseEpcQrPayload(
  payload: string,
  options: EpcQrParseOptions = {},
): Parsed<EpcQrData> {
  const fail = (problems: FieldProblem[]): Parsed<EpcQrData> => ({ ok: false, problems });
  const body = payload.replace(/\r?\n$/, "");
  const elements = body.split(/\r?\n/);
  if (elements[0] !== EPC_SERVICE_TAG) {
    return fail([
      { field: "serviceTag", reason: `must be ${EPC_SERVICE_TAG}, not an EPC QR code` },
    ]);
  }
  if (elements.length < MIN_ELEMENTS || elements.length > MAX_ELEMENTS) {
    return fail([
      {
        field: "payload",
        reason: `has ${elements.length} elements, ${MIN_ELEMENTS} to ${MAX_ELEMENTS} expected`,
      },
    ]);
  }
  const problems: FieldProblem[] = [];
  const bytes = utf8.encode(body).length;
  if (bytes > EPC_MAX_PAYLOAD_BYTES) {
    problems.push({
      field: "payload",
      reason: `is ${bytes} bytes, at most ${EPC_MAX_PAYLOAD_BYTES}`,
    });
  }

  const [, version, charsetCode, identification, bic, name, iban, amount, ...rest] = elements;
  const [purpose, reference, text, information] = rest;
  if (!isVersion(version)) problems.push({ field: "version", reason: "must be 001 or 002" });
  const characterSet = EPC_CHARACTER_SETS[Number(charsetCode) - 1];
  if (!/^[1-8]$/.test(charsetCode ?? "") || characterSet === undefined) {
    problems.push({ field: "characterSet", reason: "must be a digit from 1 to 8" });
  }
  if (identification !== EPC_IDENTIFICATION) {
    problems.push({ field: "identification", reason: `must be ${EPC_IDENTIFICATION}` });
  }
  const amountText = present(amount);
  const amountMinor = amountText === undefined ? undefined : parseEpcAmount(amountText);
  if (amountMinor === null) {
    problems.push({ field: "amount", reason: 'must be written like "EUR12.30"' });
  }
  if (problems.length > 0 || !isVersion(version) || characterSet === undefined) {
    return fail(problems);
  }

  const fields: EpcQrFields = {
    version,
    bic: present(bic),
    name: name ?? "",
    iban: iban ?? "",
    amountMinor: amountMinor ?? undefined,
    purpose: present(purpose),
    reference: present(reference),
    text: present(text),
    information: present(information),
  };
  const fieldProblems = checkEpcQrFields(fields, { checkIban: options.checkIban ?? true });
  if (fieldProblems.length > 0) return fail(fieldProblems);
  return { ok: true, value: { ...fields, characterSet, identification: EPC_IDENTIFICATION } };
}

function isVersion(value: string | undefined): value is EpcQrVersion {
  return (EPC_VERSIONS as readonly (string | undefined)[]).includes(value);
}

/** An empty element means the optional element is absent. */
function present(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

import { readFileSync } from "node:fs";

/** Published test vectors, read from the shared samples (not copied into the repository). */
const SAMPLES = new URL("../../../../../../shared/samples/epcqr_pagopa", import.meta.url).pathname;

interface EpcVectors {
  vectors: Array<{ id: string; payload?: string; valid: boolean | string }>;
}
interface PagopaVectors {
  qr_vectors: Array<{ payload: string; check_digit_mod93: string; cf_ente_checksum: string }>;
}

export function epcQrPayload(id: string): string {
  const file = JSON.parse(readFileSync(`${SAMPLES}/epc_qr_vectors.json`, "utf8")) as EpcVectors;
  const vector = file.vectors.find((candidate) => candidate.id === id);
  if (!vector?.payload || vector.valid !== true) throw new Error(`No valid EPC vector ${id}`);
  return vector.payload;
}

/** A pagoPA payload whose notice check digit and creditor fiscal code are both valid. */
export function validPagopaPayload(): string {
  const file = JSON.parse(
    readFileSync(`${SAMPLES}/pagopa_qr_vectors.json`, "utf8"),
  ) as PagopaVectors;
  const vector = file.qr_vectors.find(
    (candidate) =>
      candidate.check_digit_mod93 === "valid" &&
      candidate.cf_ente_checksum === "valid" &&
      /\|[1-9]\d{3,}$/.test(candidate.payload),
  );
  if (!vector) throw new Error("No valid pagoPA vector");
  return vector.payload;
}

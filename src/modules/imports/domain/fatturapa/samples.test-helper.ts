// Test support only: reads the shared FatturaPA sample files in place (they are not
// copied into the project; several carry AGPL or other licences).
import { readdirSync, readFileSync } from "node:fs";
import { parseFattura } from "./parse-fattura";
import type { FatturaDocument } from "./types";
import { type UnwrappedFattura, unwrapFatturaFile } from "./unwrap";

/** /work/shared/samples/fatturapa, six levels above this folder (fatturapa → domain → imports → modules → src → repo → its parent). */
export const SAMPLES_DIR = new URL("../../../../../../shared/samples/fatturapa/", import.meta.url);

export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR).sort();
}

export function sampleBytes(name: string): Buffer {
  return readFileSync(new URL(name, SAMPLES_DIR));
}

export function sampleText(name: string): string {
  return sampleBytes(name).toString("utf8");
}

export function loadSample(name: string): UnwrappedFattura & { doc: FatturaDocument } {
  const unwrapped = unwrapFatturaFile(sampleBytes(name), name);
  return { ...unwrapped, doc: parseFattura(unwrapped.xml, name) };
}

/** Runs fn and returns what it threw, so tests can assert on the error's fields. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, none was thrown");
}

/** Reads the shared public camt samples (../shared/samples/camt next to the repository) in tests. */
import { readdirSync, readFileSync } from "node:fs";

const CAMT_DIR = new URL("../../../../../shared/samples/camt/", import.meta.url);

export function camtSampleNames(): string[] {
  return readdirSync(CAMT_DIR).sort();
}

export function readCamtSample(name: string): Buffer {
  return readFileSync(new URL(name, CAMT_DIR));
}

/** Reads the shared public sample files (../shared/samples next to the repository) in tests. */
import { readFileSync } from "node:fs";

const SAMPLES_DIR = new URL("../../../../../shared/samples/", import.meta.url);

export function readSampleText(relativePath: string): string {
  return readFileSync(new URL(relativePath, SAMPLES_DIR), "utf8");
}

export function readSampleJson<T>(relativePath: string): T {
  return JSON.parse(readSampleText(relativePath)) as T;
}

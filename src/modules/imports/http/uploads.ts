import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../../platform/errors";
import type { UploadedFile } from "../app/import-files";
import type { ColumnMapping } from "../domain/csv";

/**
 * Uploaded files go to a private temp directory first: a multipart body can
 * only be read in order, while an import reads its files one after another.
 */
export async function receiveUploads(
  request: FastifyRequest,
): Promise<{ files: UploadedFile[]; mapping?: ColumnMapping; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "saldo-upload-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const files: UploadedFile[] = [];
  let mapping: ColumnMapping | undefined;
  try {
    if (request.isMultipart()) {
      for await (const part of request.parts()) {
        if (part.type === "file") {
          const name = path.basename(part.filename || `file-${files.length + 1}`);
          const onDisk = path.join(dir, `${files.length}-${name.replace(/[^\w.-]/g, "_")}`);
          await pipeline(part.file, createWriteStream(onDisk, { mode: 0o600 }));
          if (part.file.truncated)
            throw new AppError("payload_too_large", `${name} is larger than allowed`);
          files.push({ name, open: () => createReadStream(onDisk) });
        } else if (part.fieldname === "mapping") {
          mapping = parseMapping(String(part.value));
        }
      }
    } else {
      // A raw body (text/csv, application/xml, application/pkcs7-mime) with ?fileName=.
      const name = path.basename(
        String((request.query as { fileName?: string }).fileName ?? "upload.csv"),
      );
      const onDisk = path.join(dir, "0-upload");
      await pipeline(
        request.body as NodeJS.ReadableStream,
        createWriteStream(onDisk, { mode: 0o600 }),
      );
      files.push({ name, open: () => createReadStream(onDisk) });
      const rawMapping = (request.query as { mapping?: string }).mapping;
      if (rawMapping) mapping = parseMapping(rawMapping);
    }
    return { files, mapping, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function parseMapping(text: string): ColumnMapping {
  try {
    return JSON.parse(text) as ColumnMapping;
  } catch {
    throw new AppError("validation_failed", "mapping: not valid JSON");
  }
}

/**
 * Why a FatturaPA file could not be read. Thrown (not returned) because a file
 * that fails here has no usable content at all; the import use case catches it
 * and reports it against the file. Field-level problems in a readable file are
 * RowErrors instead (see to-intake-records.ts).
 */
export class FatturaParseError extends Error {
  constructor(
    /** The uploaded file name, as given by the caller. */
    readonly file: string,
    /** Where: an XML path such as "FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Numero", or the container layer ("p7m", "encoding"). */
    readonly field: string,
    /** What is wrong, for a person. */
    readonly reason: string,
    /** 1-based line in the XML text, when known. */
    readonly line?: number,
  ) {
    super(`${file}: ${reason} (at ${field}${line === undefined ? "" : `, line ${line}`})`);
    this.name = "FatturaParseError";
  }
}

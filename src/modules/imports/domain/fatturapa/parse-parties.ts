import type { PostalAddress } from "../records";
import type { FieldReader } from "./field-reader";
import type { FatturaCustomer, FatturaSupplier, FatturaTransmission } from "./types";
import { elementAt, type XmlElement } from "./xml-tree";

/** The FatturaElettronicaHeader parts: transmission data and the two parties. */

export function readTransmission(r: FieldReader, header: XmlElement): FatturaTransmission {
  const data = r.requiredElement(header, "DatiTrasmissione");
  return {
    progressiveId: r.requiredText(data, "ProgressivoInvio"),
    senderId:
      r.requiredText(data, "IdTrasmittente/IdPaese").toUpperCase() +
      r.requiredText(data, "IdTrasmittente/IdCodice"),
    recipientCode: r.optionalText(data, "CodiceDestinatario"),
  };
}

export function readSupplier(r: FieldReader, header: XmlElement): FatturaSupplier {
  const party = r.requiredElement(header, "CedentePrestatore");
  const registry = r.requiredElement(party, "DatiAnagrafici");
  // The supplier's VAT id is mandatory in both formats and keys every invoice id.
  return {
    name: readName(r, registry).name,
    vatNumber: compact(r.requiredText(registry, "IdFiscaleIVA/IdCodice")),
    vatCountry: r.requiredText(registry, "IdFiscaleIVA/IdPaese").toUpperCase(),
    taxCode: optionalCode(r, registry, "CodiceFiscale"),
    address: readAddress(r, party),
  };
}

export function readCustomer(r: FieldReader, header: XmlElement): FatturaCustomer {
  const party = r.requiredElement(header, "CessionarioCommittente");
  const registry = r.requiredElement(party, "DatiAnagrafici");
  const { name, firstName, lastName } = readName(r, registry);
  const taxCode = optionalCode(r, registry, "CodiceFiscale");
  const vatNumber = optionalCode(r, registry, "IdFiscaleIVA/IdCodice");
  const pecElement = elementAt(header, "DatiTrasmissione/PECDestinatario");
  const sede = elementAt(party, "Sede");
  return {
    kind: firstName || lastName || taxCode?.length === 16 ? "person" : "company",
    name,
    firstName,
    lastName,
    vatNumber,
    vatCountry: vatNumber
      ? r.requiredText(registry, "IdFiscaleIVA/IdPaese").toUpperCase()
      : undefined,
    taxCode,
    address: readAddress(r, party),
    pec: pecElement?.text ? pecElement.text.toLowerCase() : undefined,
    lines: {
      element: party.line,
      vatNumber: vatNumber ? elementAt(registry, "IdFiscaleIVA/IdCodice")?.line : undefined,
      taxCode: taxCode ? elementAt(registry, "CodiceFiscale")?.line : undefined,
      address: sede?.line,
      pec: pecElement?.text ? pecElement.line : undefined,
    },
  };
}

/** Anagrafica holds either Denominazione (a company) or Nome + Cognome (a person). */
function readName(
  r: FieldReader,
  registry: XmlElement,
): { name: string; firstName?: string; lastName?: string } {
  const anagrafica = r.requiredElement(registry, "Anagrafica");
  const company = r.optionalText(anagrafica, "Denominazione");
  const firstName = r.optionalText(anagrafica, "Nome");
  const lastName = r.optionalText(anagrafica, "Cognome");
  if (company) return { name: collapse(company) };
  if (!firstName && !lastName) {
    throw r.fail(anagrafica, "Anagrafica has neither Denominazione nor Nome/Cognome");
  }
  const name = collapse([firstName, lastName].filter(Boolean).join(" "));
  return { name, firstName, lastName };
}

/**
 * Sede is optional here (we can still collect without it), but when present its
 * schema-mandatory parts must be there: an address without a town is not an address.
 */
function readAddress(r: FieldReader, party: XmlElement): PostalAddress | undefined {
  const sede = elementAt(party, "Sede");
  if (!sede) return undefined;
  const street = collapse(r.requiredText(sede, "Indirizzo"));
  const streetNumber = r.optionalText(sede, "NumeroCivico");
  const address: PostalAddress = {
    line1: streetNumber ? `${street} ${streetNumber}` : street,
    postalCode: r.requiredText(sede, "CAP"),
    city: collapse(r.requiredText(sede, "Comune")),
    country: r.requiredText(sede, "Nazione").toUpperCase(),
  };
  const province = r.optionalText(sede, "Provincia");
  if (province) address.province = province.toUpperCase();
  return address;
}

function optionalCode(r: FieldReader, element: XmlElement, relPath: string): string | undefined {
  const text = r.optionalText(element, relPath);
  return text ? compact(text) : undefined;
}

/** Identifiers are sometimes written with spaces; they never contain any. */
function compact(code: string): string {
  return code.replace(/\s+/g, "").toUpperCase();
}

/** Names in sample files span lines with indentation ("BANCA TEST\n    AGENZIA"). */
function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

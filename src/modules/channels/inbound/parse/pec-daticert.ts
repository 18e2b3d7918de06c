/**
 * daticert.xml, the certification data every PEC receipt and envelope carries
 * (DM 2 novembre 2005, allegato: "Regole tecniche del servizio di trasmissione
 * di documenti informatici mediante posta elettronica certificata").
 */
import { XMLParser } from "fast-xml-parser";

export interface Daticert {
  /** accettazione, avvenuta-consegna, errore-consegna, posta-certificata, ... */
  tipo?: string;
  /** nessuno, no-dest, no-dominio, virus, altro. */
  errore?: string;
  erroreEsteso?: string;
  mittente?: string;
  /** The certified mailbox the message was delivered to (or failed for). */
  consegna?: string;
  msgid?: string;
  identificativo?: string;
  /** When the provider issued the receipt. */
  issuedAt?: Date;
}

// Entities stay unexpanded (no DTD tricks); the five predefined ones are decoded by hand.
const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

type Node = Record<string, unknown>;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => PREDEFINED[name] ?? "");
}

function child(node: unknown, name: string): unknown {
  return typeof node === "object" && node !== null ? (node as Node)[name] : undefined;
}

function text(node: unknown): string | undefined {
  const value = typeof node === "string" ? node : child(node, "#text");
  return typeof value === "string" && value.trim() ? decode(value.trim()) : undefined;
}

/** "24/11/2026" "10:00:07" "+0100" → the instant. */
function issuedAt(data: unknown): Date | undefined {
  const day = text(child(data, "giorno"))?.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
  const time = text(child(data, "ora"))?.match(/^\d{2}:\d{2}:\d{2}$/)?.[0];
  const zone = text(child(data, "@zona"))?.match(/^([+-])(\d{2}):?(\d{2})$/);
  if (!day || !time) return undefined;
  const offset = zone ? `${zone[1]}${zone[2]}:${zone[3]}` : "Z";
  const instant = new Date(`${day[3]}-${day[2]}-${day[1]}T${time}${offset}`);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

export function parseDaticert(xml: string): Daticert | undefined {
  let root: unknown;
  try {
    root = child(parser.parse(xml), "postacert");
  } catch {
    return undefined; // a damaged daticert leaves the headers, which carry the essentials
  }
  if (!root) return undefined;
  const intestazione = child(root, "intestazione");
  const dati = child(root, "dati");
  const fields: Daticert = {
    tipo: text(child(root, "@tipo")),
    errore: text(child(root, "@errore")),
    erroreEsteso: text(child(dati, "errore-esteso")),
    mittente: text(child(intestazione, "mittente")),
    consegna: text(child(dati, "consegna")),
    msgid: text(child(dati, "msgid")),
    identificativo: text(child(dati, "identificativo")),
    issuedAt: issuedAt(child(dati, "data")),
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Daticert;
}

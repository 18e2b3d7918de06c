import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "../../../strategies/domain/default-templates.js";
import type { TemplateContext } from "../context.js";
import { renderTemplate } from "../render.js";
import { parseTags, type TemplateTag } from "../tags.js";
import type { MessageTemplate } from "../template.js";
import { fullContext, minimalContext } from "../test-fixtures.js";
import { validateTemplate } from "../validate.js";
import { DEFAULT_MESSAGE_TEMPLATES, findDefaultTemplate } from "./index.js";

const EXTRA_TEMPLATES: Record<string, string[]> = {
  "promise.confirmation": ["email", "sms"],
  "plan.confirmation": ["email", "letter", "sms"],
  "optout.confirmation": ["email", "sms"],
  "proof.request": ["email", "sms"],
  "reply.acknowledgement": ["email"],
};

const key = (template: MessageTemplate) =>
  `${template.id}/${template.channel}/${template.language}`;

function variablesOf(template: MessageTemplate): Set<string> {
  const names = new Set<string>();
  const walk = (tags: readonly TemplateTag[]) => {
    for (const tag of tags) {
      names.add(tag.name);
      walk(tag.children);
    }
  };
  walk(parseTags(`${template.subject ?? ""}\n${template.body}`));
  return names;
}

/** GSM 03.38: the basic set counts one septet, the extension table two. */
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

function gsmSeptets(text: string): number | undefined {
  let septets = 0;
  for (const character of text) {
    if (GSM_BASIC.has(character)) septets += 1;
    else if (GSM_EXTENSION.has(character)) septets += 2;
    else return undefined;
  }
  return septets;
}

/** The optional data each family of messages is sent with; everything else may be absent. */
function contextFor(template: MessageTemplate): TemplateContext {
  const full = fullContext();
  const context: TemplateContext = { ...minimalContext(), language: template.language };
  if (template.channel === "call") context.agent = full.agent;
  if (template.id.endsWith("notice.formal")) context.formal = full.formal;
  if (template.id === "promise.confirmation") context.promise = full.promise;
  if (template.id === "plan.confirmation") context.plan = full.plan;
  return context;
}

describe("default message templates", () => {
  it("all validate without problems", () => {
    const problems = Object.fromEntries(
      DEFAULT_MESSAGE_TEMPLATES.map((template) => [key(template), validateTemplate(template)]),
    );
    const withProblems = Object.entries(problems).filter(([, found]) => found.length > 0);
    expect(Object.fromEntries(withProblems)).toEqual({});
  });

  it("are unique per id, channel and language", () => {
    const keys = DEFAULT_MESSAGE_TEMPLATES.map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("cover every (id, channel) the default strategies send, in Italian and English", () => {
    const required = [
      ...DEFAULT_TEMPLATES.flatMap((requirement) =>
        requirement.channels.map((channel) => [requirement.id, channel] as const),
      ),
      ...Object.entries(EXTRA_TEMPLATES).flatMap(([id, channels]) =>
        channels.map((channel) => [id, channel] as const),
      ),
    ];
    const shipped = new Set(DEFAULT_MESSAGE_TEMPLATES.map(key));
    const missing = required.flatMap(([id, channel]) =>
      ["it", "en"].map((language) => `${id}/${channel}/${language}`).filter((k) => !shipped.has(k)),
    );
    expect(missing).toEqual([]);
    expect(DEFAULT_MESSAGE_TEMPLATES).toHaveLength(required.length * 2);
  });

  it("render in text and HTML with every optional group present", () => {
    for (const template of DEFAULT_MESSAGE_TEMPLATES) {
      for (const format of ["text", "html"] as const) {
        const { subject, body } = renderTemplate(template, fullContext(), format);
        expect(`${subject ?? ""}${body}`, key(template)).not.toMatch(
          /undefined|null|\[object|\{\{/,
        );
      }
    }
  });

  it("render with only the data their family needs (IBAN, pagoPA and creditor details are guarded)", () => {
    for (const template of DEFAULT_MESSAGE_TEMPLATES) {
      expect(
        () => renderTemplate(template, contextFor(template), "text"),
        key(template),
      ).not.toThrow();
    }
  });

  it("all say how to pay and how to reach a person", () => {
    for (const template of DEFAULT_MESSAGE_TEMPLATES) {
      const names = variablesOf(template);
      expect(names.has("portal_url"), key(template)).toBe(true);
      const reachable = names.has("creditor.contact") || names.has("creditor.contact_short");
      expect(reachable, key(template)).toBe(true);
    }
  });

  it("keep courts and lawyers out of early reminders", () => {
    const early = [
      "caring.courtesy",
      "reminder.first",
      "reminder.followup",
      "reminder.letter",
      "b2b.caring.invoice_check",
      "b2b.reminder.first",
      ...Object.keys(EXTRA_TEMPLATES),
    ];
    const legalWords = /tribunal|giudizi|legal|avvocat|decreto|ingiun|court|lawyer|solicitor/i;
    for (const template of DEFAULT_MESSAGE_TEMPLATES.filter((t) => early.includes(t.id))) {
      const text = `${template.subject ?? ""} ${template.body}`.replace(/\{\{[^}]*\}\}/g, "");
      expect(text, key(template)).not.toMatch(legalWords);
    }
  });

  it("send SMS in GSM-7 within two segments", () => {
    const sms = DEFAULT_MESSAGE_TEMPLATES.filter((template) => template.channel === "sms");
    expect(sms.length).toBeGreaterThan(0);
    const longNames = fullContext({
      debtor: { name: "Maria Francesca Lombardi", kind: "person" },
      creditor: { name: "Acqua Chiara Servizi Idrici", phone: "+39 02 1234 5678" },
    });
    for (const template of sms) {
      const { body } = renderTemplate(template, longNames, "text");
      const septets = gsmSeptets(body);
      expect(septets, `${key(template)}: ${body}`).toBeDefined();
      expect(septets, `${key(template)}: ${body}`).toBeLessThanOrEqual(306);
    }
  });

  it("itemise the formal notices under artt. 1219 and 1454 c.c.", () => {
    const notices = DEFAULT_MESSAGE_TEMPLATES.filter((t) => t.id.endsWith("notice.formal"));
    expect(notices).toHaveLength(8);
    for (const notice of notices) {
      expect(notice.body, key(notice)).toMatch(/1219[\s\S]*1454/);
      for (const name of [
        "formal.capital",
        "formal.interest",
        "formal.interest_rate",
        "formal.costs",
        "formal.total",
        "formal.deadline_date",
      ]) {
        expect(variablesOf(notice).has(name), `${key(notice)} ${name}`).toBe(true);
      }
    }
    const italian = findDefaultTemplate("notice.formal", "pec", "it")!;
    const { subject, body } = renderTemplate(italian, fullContext(), "text");
    expect(subject).toBe("Diffida ad adempiere e costituzione in mora - pratica PR-2026-000123");
    expect(body).toContain("- capitale: € 1.234,56");
    expect(body).toContain("- interessi di mora (tasso legale): € 18,50");
    expect(body).toContain("- totale dovuto: € 1.293,06");
    expect(body).toContain("entro e non oltre il 09/12/2026 (15 giorni dalla data della presente)");
  });

  it("render a reminder the way a debtor reads it", () => {
    const english = findDefaultTemplate("reminder.first", "email", "en")!;
    const { body } = renderTemplate(english, fullContext(), "text");
    expect(body).toContain("Dear Mario Rossi,");
    expect(body).toContain("the amount of €1,234.56, due on 15 October 2026");
    expect(body).toContain(
      "- invoice 2026/0902 of 1 October 2026, due on 31 October 2026: €234.56",
    );
    const html = renderTemplate(english, fullContext(), "html").body;
    expect(html).toContain('<a href="https://paga.saldo.it/p/K7Q2M9">');
    expect(html).toContain("<ul>");
  });
});

describe("findDefaultTemplate", () => {
  it("uses the language of a regional tag and falls back to Italian, then English", () => {
    expect(findDefaultTemplate("reminder.first", "sms", "en-GB")?.language).toBe("en");
    expect(findDefaultTemplate("reminder.first", "sms", "EN")?.language).toBe("en");
    expect(findDefaultTemplate("reminder.first", "sms", "it-IT")?.language).toBe("it");
    expect(findDefaultTemplate("reminder.first", "sms", "de")?.language).toBe("it");
    expect(findDefaultTemplate("reminder.first", "voice", "it")).toBeUndefined();
    expect(findDefaultTemplate("no.such.template", "email", "it")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { renderTemplate, TemplateRenderError } from "./render.js";
import type { MessageTemplate } from "./template.js";
import { fullContext, minimalContext } from "./test-fixtures.js";

const reminder: MessageTemplate = {
  id: "test.reminder",
  channel: "email",
  language: "it",
  subject: "Promemoria per {{debtor.name}}",
  body: `{{salutation}},

Le ricordiamo il saldo di {{balance}}, scaduto il {{oldest_due_date}}:
{{#invoices}}
- fattura n. {{number}}: {{open_amount}}
{{/invoices}}

Paghi qui: {{portal_url}}. Scriva a {{creditor.email}}.
{{#has.iban}}
IBAN {{iban}}
{{/has.iban}}`,
};

describe("renderTemplate", () => {
  it("renders text with Italian amounts, dates and lists", () => {
    const { subject, body } = renderTemplate(reminder, fullContext(), "text");
    expect(subject).toBe("Promemoria per Mario Rossi");
    expect(body).toBe(`Gentile Mario Rossi,

Le ricordiamo il saldo di € 1.234,56, scaduto il 15/10/2026:
- fattura n. 2026/0815: € 1.000,00
- fattura n. 2026/0902: € 234,56

Paghi qui: https://paga.saldo.it/p/K7Q2M9. Scriva a crediti@acquachiara.it.
IBAN IT60 X054 2811 1010 0000 0123 456`);
  });

  it("formats with the template's language, not the context's", () => {
    const english = { ...reminder, language: "en" as const, body: "{{balance}} on {{today}}" };
    expect(renderTemplate(english, fullContext(), "text").body).toBe(
      "€1,234.56 on 24 November 2026",
    );
  });

  it("skips a guarded block when the group is missing", () => {
    const template = { ...reminder, body: "A{{#has.iban}} IBAN {{iban}}{{/has.iban}}." };
    expect(renderTemplate(template, minimalContext(), "text").body).toBe("A.");
  });

  it("throws instead of rendering a blank for a missing optional group", () => {
    const template = { ...reminder, body: "Entro il {{promise.date}}: {{promise.amount}}" };
    const failure = (() => {
      try {
        renderTemplate(template, minimalContext(), "text");
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(TemplateRenderError);
    expect(failure).toMatchObject({
      templateId: "test.reminder",
      channel: "email",
      language: "it",
      part: "body",
      reason: "missing_variable",
      variable: "promise.date",
    });
  });

  it("throws for a missing value in the subject, a section or an unknown name", () => {
    const missing = (template: MessageTemplate) => () =>
      renderTemplate(template, minimalContext(), "html");
    expect(missing({ ...reminder, subject: "{{creditor.email}}" })).toThrow(/creditor\.email/);
    expect(missing({ ...reminder, body: "{{#plan.installments}}x{{/plan.installments}}" })).toThrow(
      TemplateRenderError,
    );
    expect(missing({ ...reminder, body: "{{balanse}}" })).toThrow(/"balanse"/);
    expect(missing({ ...reminder, body: "{{> footer}}" })).toThrow(/partial "footer"/);
    expect(missing({ ...reminder, body: "{{#invoices}}" })).toThrow(/invalid template/);
  });

  it("resolves outer names inside a list, and fails for a name neither has", () => {
    const template = { ...reminder, body: "{{#invoices}}{{number}} {{currency}};{{/invoices}}" };
    expect(renderTemplate(template, fullContext(), "text").body).toBe(
      "2026/0815 EUR;2026/0902 EUR;",
    );
    const wrong = { ...reminder, body: "{{#invoices}}{{seq}}{{/invoices}}" };
    expect(() => renderTemplate(wrong, fullContext(), "text")).toThrow(/"seq"/);
  });

  it("does not escape in text format", () => {
    const context = fullContext({
      debtor: { name: "Rossi & Figli <srl>", kind: "company" },
    });
    const { body } = renderTemplate({ ...reminder, body: "{{salutation}}" }, context, "text");
    expect(body).toBe("Spett.le Rossi & Figli <srl>");
  });
});

describe("renderTemplate as HTML", () => {
  const hostile = fullContext({
    debtor: { name: "<script>alert(1)</script> & Co", kind: "person" },
  });

  it("escapes every value, the template's own text and triple braces", () => {
    const template = {
      ...reminder,
      body: "{{salutation}} <b>bold?</b> {{{debtor.name}}} {{&debtor.name}}",
    };
    const { body } = renderTemplate(template, hostile, "html");
    expect(body).not.toContain("<script>");
    expect(body).not.toContain("<b>");
    expect(body).toBe(
      "<p>Gentile &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co &lt;b&gt;bold?&lt;/b&gt; " +
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</p>",
    );
  });

  it("keeps the subject as plain text", () => {
    const { subject } = renderTemplate(reminder, hostile, "html");
    expect(subject).toBe("Promemoria per <script>alert(1)</script> & Co");
  });

  it("makes paragraphs, lists and clickable links", () => {
    const { body } = renderTemplate(reminder, hostile, "html");
    expect(body).toBe(`<p>Gentile &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co,</p>
<p>Le ricordiamo il saldo di € 1.234,56, scaduto il 15/10/2026:</p>
<ul>
<li>fattura n. 2026/0815: € 1.000,00</li>
<li>fattura n. 2026/0902: € 234,56</li>
</ul>
<p>Paghi qui: <a href="https://paga.saldo.it/p/K7Q2M9">https://paga.saldo.it/p/K7Q2M9</a>. Scriva a <a href="mailto:crediti@acquachiara.it">crediti@acquachiara.it</a>.<br>
IBAN IT60 X054 2811 1010 0000 0123 456</p>`);
  });

  it("cannot be tricked into a link with an attribute", () => {
    const context = fullContext({
      payment: {
        portalUrl: 'https://x.it/"onmouseover="alert(1)',
        rfReference: "RF18539007547034",
      },
    });
    const { body } = renderTemplate({ ...reminder, body: "{{portal_url}}" }, context, "html");
    expect(body).not.toContain('"onmouseover');
    expect(body).toContain('href="https://x.it/&quot;onmouseover=&quot;alert(1"');
  });
});

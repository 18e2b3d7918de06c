import { describe, expect, it } from "vitest";
import type { MessageTemplate } from "./template.js";
import { validateTemplate } from "./validate.js";

function email(body: string, subject = "Promemoria"): MessageTemplate {
  return { id: "test", channel: "email", language: "it", subject, body };
}

const OPT_OUT = "\n\n{{opt_out_url}}";

describe("validateTemplate", () => {
  it("accepts a correct template", () => {
    const body = `{{salutation}},
{{#invoices}}
- {{number}} {{due_date}} {{balance}}
{{/invoices}}
{{#has.iban}}IBAN {{iban}}{{/has.iban}}${OPT_OUT}`;
    expect(validateTemplate(email(body, "Pratica {{case_reference}}"))).toEqual([]);
  });

  it("reports an unknown variable with its line, column and the closest name", () => {
    const body = `{{salutation}},\nLe ricordiamo il saldo di {{balanse}}.${OPT_OUT}`;
    expect(validateTemplate(email(body))).toEqual([
      {
        code: "unknown_variable",
        part: "body",
        line: 2,
        column: 27,
        variable: "balanse",
        suggestion: "balance",
        message: 'unknown variable "balanse"; did you mean "balance"?',
      },
    ]);
  });

  it("suggests dotted names, list fields in scope, and nothing for gibberish", () => {
    const body = `{{debtor_name}}
{{#invoices}}
  {{#has.iban}}{{open_amout}}{{/has.iban}}
{{/invoices}}
{{zzzzzzzzzzzzzzzzzz}}${OPT_OUT}`;
    const problems = validateTemplate(email(body));
    expect(problems.map((p) => [p.variable, p.line, p.column, p.suggestion])).toEqual([
      ["debtor_name", 1, 1, "debtor.name"],
      ["open_amout", 3, 16, "open_amount"],
      ["zzzzzzzzzzzzzzzzzz", 5, 1, undefined],
    ]);
  });

  it("knows list fields only inside their list", () => {
    const problems = validateTemplate(email(`{{number}}${OPT_OUT}`));
    expect(problems).toMatchObject([{ code: "unknown_variable", variable: "number" }]);
  });

  it("checks the subject too", () => {
    expect(validateTemplate(email(`x${OPT_OUT}`, "Pratica {{case_ref}}"))).toMatchObject([
      {
        code: "unknown_variable",
        part: "subject",
        line: 1,
        column: 9,
        suggestion: "case_reference",
      },
    ]);
  });

  it("reports an unclosed section at its opening tag instead of throwing", () => {
    const body = `{{salutation}},\n  {{#invoices}}\n- {{number}}${OPT_OUT}`;
    expect(validateTemplate(email(body))).toEqual([
      {
        code: "syntax_error",
        part: "body",
        line: 2,
        column: 3,
        variable: "invoices",
        message: 'section "invoices" is never closed: add {{/invoices}}',
      },
    ]);
  });

  it("reports mismatched and unopened sections and unclosed tags", () => {
    const mismatched = validateTemplate(email("{{#invoices}}\n{{/has.iban}}"));
    expect(mismatched).toMatchObject([
      { code: "syntax_error", line: 2, column: 1, variable: "invoices" },
    ]);
    const unopened = validateTemplate(email("ok\n{{/invoices}}"));
    expect(unopened).toMatchObject([
      { code: "syntax_error", line: 2, column: 1, variable: "invoices" },
    ]);
    const unclosedTag = validateTemplate(email("Gentile {{debtor.name"));
    expect(unclosedTag).toMatchObject([{ code: "syntax_error", line: 1, column: 9 }]);
  });

  it("reports misused variables, triple braces and partials", () => {
    const body = `{{invoices}} {{has.iban}} {{{balance}}} {{> footer}}${OPT_OUT}`;
    expect(validateTemplate(email(body)).map((problem) => problem.code)).toEqual([
      "misused_variable",
      "misused_variable",
      "unescaped_variable",
      "unsupported_tag",
    ]);
  });

  it("requires the opt-out on SMS and e-mail, outside any section", () => {
    const sms: MessageTemplate = { id: "t", channel: "sms", language: "it", body: "{{balance}}" };
    expect(validateTemplate(sms)).toMatchObject([
      { code: "missing_opt_out", variable: "opt_out_sms" },
    ]);
    expect(validateTemplate({ ...sms, body: "{{balance}} {{opt_out_sms}}" })).toEqual([]);
    const hidden = "{{#has.iban}}{{opt_out_url}}{{/has.iban}}";
    expect(validateTemplate(email(hidden))).toMatchObject([{ code: "missing_opt_out" }]);
  });

  it("does not require an opt-out on letters, PEC or calls", () => {
    for (const channel of ["letter", "registered_letter", "pec", "call"] as const) {
      expect(
        validateTemplate({ id: "t", channel, language: "it", subject: "S", body: "x" }),
      ).toEqual([]);
    }
  });

  it("applies the channel's subject rule", () => {
    const sms: MessageTemplate = {
      id: "t",
      channel: "sms",
      language: "en",
      subject: "Hello",
      body: "{{opt_out_sms}}",
    };
    expect(validateTemplate(sms)).toMatchObject([{ code: "subject_not_allowed" }]);
    const { subject: _, ...noSubject } = email(`x${OPT_OUT}`);
    expect(validateTemplate(noSubject)).toMatchObject([{ code: "subject_required" }]);
    expect(validateTemplate(email(`x${OPT_OUT}`, "   "))).toMatchObject([
      { code: "subject_required" },
    ]);
    expect(validateTemplate(email(`x${OPT_OUT}`, "one\ntwo"))).toMatchObject([
      { code: "subject_multiline", line: 1, column: 4 },
    ]);
    expect(validateTemplate(email(" "))).toMatchObject([{ code: "empty_body" }]);
  });
});

import { describe, expect, it } from "vitest";
import { TEMPLATE_VARIABLES, type TemplateVariable } from "./catalogue.js";
import { fullContext, minimalContext } from "./test-fixtures.js";
import { buildTemplateView } from "./variables.js";

function valueAt(view: unknown, name: string): unknown {
  return name
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], view);
}

function expectKind(variable: TemplateVariable, value: unknown) {
  if (variable.kind === "text") expect(typeof value, variable.name).toBe("string");
  if (variable.kind === "flag") expect(typeof value, variable.name).toBe("boolean");
  if (variable.kind === "list") expect(Array.isArray(value), variable.name).toBe(true);
}

describe("buildTemplateView", () => {
  it("gives every catalogue variable a value when the context has every group", () => {
    const view = buildTemplateView(fullContext());
    for (const variable of TEMPLATE_VARIABLES) {
      expectKind(variable, valueAt(view, variable.name));
    }
    for (const field of TEMPLATE_VARIABLES.find((v) => v.name === "invoices")?.fields ?? []) {
      expectKind(field, valueAt(view.invoices[0], field.name));
    }
  });

  it("leaves exactly the variables of missing groups undefined", () => {
    const view = buildTemplateView(minimalContext());
    for (const variable of TEMPLATE_VARIABLES) {
      const value = valueAt(view, variable.name);
      if (variable.requires) expect(value, variable.name).toBeUndefined();
      else expectKind(variable, value);
    }
    expect(Object.values(view.has).every((present) => !present)).toBe(true);
  });

  it("formats amounts, dates and codes for Italian", () => {
    const view = buildTemplateView(fullContext());
    expect(view.salutation).toBe("Gentile Mario Rossi");
    expect(view.balance).toBe("€ 1.234,56");
    expect(view.oldest_due_date).toBe("15/10/2026");
    expect(view.today_long).toBe("24 novembre 2026");
    expect(view.invoices[1]).toEqual({
      number: "2026/0902",
      issue_date: "01/10/2026",
      due_date: "31/10/2026",
      amount: "€ 300,00",
      open_amount: "€ 234,56",
    });
    expect(view.iban).toBe("IT60 X054 2811 1010 0000 0123 456");
    expect(view.rf_reference).toBe("RF18 5390 0754 7034");
    expect(view.pagopa_notice).toBe("3012 0000 0000 0000 12");
    expect(view.formal?.deadline_days).toBe("15");
    expect(view.plan?.first_due_date).toBe("10/12/2026");
    expect(view.creditor.contact).toBe("tel. 02 1234567, e-mail crediti@acquachiara.it");
    expect(view.opt_out_sms).toBe("Invii STOP al 48000 per non ricevere più SMS");
  });

  it("formats for English and greets companies", () => {
    const view = buildTemplateView({ ...minimalContext(), language: "en" });
    expect(view.salutation).toBe("Dear ACME S.r.l.");
    expect(view.balance).toBe("€1,234.56");
    expect(view.oldest_due_date).toBe("15 October 2026");
    expect(view.opt_out_sms).toBe("Reply STOP to opt out");
    expect(view.creditor.contact).toBe("the portal https://paga.saldo.it/p/K7Q2M9");
    expect(view.creditor.legal_name).toBe("Acqua Chiara");
    expect(view.beneficiary).toBe("Acqua Chiara");
    expect(buildTemplateView(minimalContext()).salutation).toBe("Spett.le ACME S.r.l.");
  });
});

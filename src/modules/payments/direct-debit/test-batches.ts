/** Test helper: a realistic batch of plan installments, and variations of it. */
import type { DirectDebitBatch, DirectDebitCollection } from "./pain008-batch.js";

const mandate = (
  reference: string,
  debtorName: string,
  debtorIban: string,
  debtorBic?: string,
): DirectDebitCollection["mandate"] => ({
  reference,
  signedOn: "2025-07-01",
  debtorName,
  debtorIban,
  ...(debtorBic === undefined ? {} : { debtorBic }),
});

/** IBANs are the SWIFT IBAN registry's examples; BICs are real banks' (not matched to the IBANs). */
export const sampleCollections: DirectDebitCollection[] = [
  {
    endToEndId: "C-2025-000123-R1",
    amountMinor: 12_345n,
    currency: "EUR",
    mandate: mandate(
      "C-2025-000123-P1",
      "Niccolò D’Angelo & Figli",
      "IT60X0542811101000000123456",
      "BPMOIT22XXX",
    ),
    sequenceType: "FRST",
    dueDate: "2025-09-01",
    remittance: "Rata 1/6 <pratica C-2025-000123> & interessi",
  },
  {
    endToEndId: "C-2025-000124-R3",
    amountMinor: 1n,
    currency: "EUR",
    mandate: mandate("C-2025-000124-P1", "Müller GmbH", "DE89370400440532013000", "COBADEFFXXX"),
    sequenceType: "RCUR",
    dueDate: "2025-09-01",
    remittance: "Rata 3/6",
  },
  {
    endToEndId: "C-2025-000125-R1",
    amountMinor: 99_999_999_999n,
    currency: "EUR",
    mandate: mandate(
      "C-2025-000125-P2",
      `Società ${"Molto Lunga ".repeat(8)}S.p.A.`,
      "FR1420041010050500013M02606",
      "PSSTFRPPXXX",
    ),
    sequenceType: "FRST",
    dueDate: "2025-09-01",
    remittance: "Saldo pratica C-2025-000125",
  },
  {
    endToEndId: "C-2025-000126-R6",
    amountMinor: 5_000n,
    currency: "EUR",
    mandate: mandate(
      "C-2025-000126-P1",
      "L'Aquila Servizi",
      "ES9121000418450200051332",
      "CAIXESBBXXX",
    ),
    sequenceType: "FNAL",
    dueDate: "2025-10-01",
    remittance: "Ultima rata",
  },
  {
    endToEndId: "C-2025-000127-U1",
    amountMinor: 730n,
    currency: "EUR",
    mandate: mandate("C-2025-000127-P1", "Jan de Vries", "NL91ABNA0417164300", "ABNANL2AXXX"),
    sequenceType: "OOFF",
    dueDate: "2025-09-01",
    remittance: "Spese di istruttoria",
  },
];

export function sampleBatch(overrides: Partial<DirectDebitBatch> = {}): DirectDebitBatch {
  return {
    messageId: "SALDO-20250819-0001",
    createdAt: new Date("2025-08-19T08:32:02.123Z"),
    initiatingPartyName: "Recupero Crediti Società & C. S.r.l.",
    creditor: {
      name: "Recupero Crediti Società & C. S.r.l.",
      iban: "IT60 X054 2811 1010 0000 0123 456",
      bic: "BPMOIT22XXX",
      creditorId: "IT21ZZZ0000006363391001",
    },
    collections: sampleCollections,
    ...overrides,
  };
}

/** The same batch with no BIC anywhere, as SEPA allows since 2016 for EEA accounts. */
export function sampleBatchWithoutBics(): DirectDebitBatch {
  const batch = sampleBatch();
  const { bic: _creditorBic, ...creditor } = batch.creditor;
  return {
    ...batch,
    creditor,
    collections: batch.collections.map((collection) => {
      const { debtorBic: _debtorBic, ...withoutBic } = collection.mandate;
      return { ...collection, mandate: withoutBic };
    }),
  };
}

/** Phrases about paying: already paid, promise to pay, and asking for a call. */
import { negatable, type PhraseRule, rule } from "./phrase-rules.js";

const PAID = "(?:pagat[oaie]|saldat[oaie]|versat[oaie])";

export const ALREADY_PAID_RULES: PhraseRule[] = [
  rule(
    "already_paid",
    0.95,
    [
      "(?:ho|abbiamo|avevo|lho|lhabbiamo) (?:gia |appena |regolarmente )*(?:pagato|saldato|versato|bonificato|estinto|provveduto|pagata|saldata)",
      `gia ${PAID}|gia (?:provveduto|fatto (?:il )?bonifico|effettuato)`,
      "already (?:paid|settled|sent|transferred|made (?:the|a) payment)",
      "(?:i|we|ive|i have|weve|we have|i had) (?:already |just )?(?:paid|settled|transferred|made (?:the|a) payment)",
      "(?:i|we|ive|i have|weve|we have|i had) (?:already |just )?sent (?:you )?(?:the|a|my) (?:payment|money|funds|transfer)",
    ],
    negatable,
  ),
  rule(
    "already_paid",
    0.9,
    [
      `(?:e|sono|risulta|risultano) (?:gia )?(?:stat[oaie] )?${PAID}`,
      "(?:fatto|effettuato|eseguito|disposto|inviato|mandato) (?:il |un |la )?(?:bonifico|pagamento|versamento|saldo)",
      "(?:bonifico|pagamento|versamento|saldo) (?:e )?(?:gia )?(?:stato )?(?:fatto|effettuato|eseguito|inviato|disposto|partito|avvenuto)",
    ],
    negatable,
  ),
  rule(
    "already_paid",
    0.85,
    [
      "(?:was|has been|have been|is|its) (?:already )?(?:paid|settled)",
      "(?:bank )?(?:transfer|payment) (?:was |has been )?(?:done|made|sent|completed)",
      "(?:receipt|proof of payment) (?:is )?(?:attached|enclosed)",
    ],
    negatable,
  ),
  rule("already_paid", 0.85, [
    "(?:allego|in allegato|allegata|allegato|vi mando|vi invio|vi ho mandato|vi ho inviato) (?:la |il )?(?:ricevuta|contabile|quietanza|attestazione)",
    "prova (?:di|del) pagamento",
  ]),
  // A bare "Pagato" or "paid it", unless a future auxiliary makes it a promise ("sarà pagato").
  rule(
    "already_paid",
    0.7,
    [
      "(?<!(?:saro|sara|saremo|saranno|verro|verra|verranno|deve essere|da|devo|dovra|dovrebbe essere) )(?:pagat[oa]|saldat[oa])",
      String.raw`(?<!(?:will be|to be|be|get|gets|being|will get) )paid(?: (?:it|this|that|in full|already|yesterday|last \w+|on \w+|the \w+))?`,
    ],
    negatable,
  ),
];

/** Verbs that commit to paying; a date beside one makes the promise firm. */
export const PROMISE_RULES: PhraseRule[] = [
  rule(
    "promise",
    0.75,
    [
      "(?:vi |ti |le )?(?:pago|paghero|pagheremo|paghiamo|saldero|salderemo|versero)",
      "provvedo|provvedero|provvederemo|regolarizzo|regolarizzero|sistemo|sistemero",
      // "verso" is also "towards" ("verso le 18"): a promise only before money.
      "verso(?= (?:\\d|€|euro|il saldo|la somma|limporto|la rata))",
      "(?:ill|well) (?:pay|settle|transfer|send (?:the |a )?(?:payment|money))",
    ],
    negatable,
  ),
  rule(
    "promise",
    0.8,
    [
      "(?:faccio|faro|facciamo|faremo|mando|mandero|invio|inviero|disporro|dispongo) (?:il |un )?(?:bonifico|pagamento|versamento|saldo)",
      "(?:i will|i shall|we will|i am going to|going to|gonna|i can|we can|i could|promise to|will|can) (?:make (?:a |the )?payment|pay|send (?:the |a )?(?:payment|money|transfer)|transfer|settle)",
    ],
    negatable,
  ),
  rule(
    "promise",
    0.7,
    [
      "(?:posso|potrei|potro|riesco a|riusciro a|conto di|cerco di|cerchero di|provero a|vorrei|voglio) (?:pagare|saldare|versare|fare (?:il )?bonifico)",
    ],
    negatable,
  ),
];

export const CALL_ME_RULES: PhraseRule[] = [
  rule(
    "call_me",
    0.85,
    [
      "(?:ri)?(?:chiamatemi|chiamami|chiamarmi|telefonatemi|telefonami|telefonarmi|contattatemi|contattami|contattarmi)",
      "mi (?:ri)?(?:chiami|chiamate|telefonate|telefoni|contatti|contattate)",
      "mi (?:puo|potete|potreste|potrebbe|puoi) (?:ri)?(?:chiamare|contattare|telefonare)",
      "(?:call|ring|phone) me(?: back)?|call back|give me a call",
    ],
    negatable,
  ),
  rule("call_me", 0.8, [
    "(?:parlare|parlarne|sentire) (?:con )?(?:un |una )?(?:operatore|operatrice|persona|consulente|qualcuno|responsabile)",
    "please call|can (?:you|someone) call",
    "(?:speak|talk) (?:to|with) (?:someone|a person|an agent|somebody|a human|an operator)",
  ]),
  rule("call_me", 0.75, [
    "(?:per|aspetto|attendo|gradirei|vorrei|preferisco) (?:una |la vostra |una vostra )?(?:telefonata|chiamata)",
  ]),
];

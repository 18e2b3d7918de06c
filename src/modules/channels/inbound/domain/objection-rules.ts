/** Phrases that stop or pause collection: opt-out, dispute, hardship. */
import { negatable, type PhraseRule, rule } from "./phrase-rules.js";

const CONTACT_VERB = "(?:contatt|scriv|chiam|richiam|telefon|cerc|disturb|mand|invi|tartass)";
const IMPERATIVE = "(?:ate|atemi|armi|ete|etemi|ermi)";

export const OPT_OUT_RULES: PhraseRule[] = [
  rule("opt_out", 0.9, [
    "stop(?: (?:sms|messaggi|email|mail|chiamate|calling|texting|texts|messages|contacting|emails))?",
  ]),
  rule("opt_out", 0.95, [
    `cancella(?:mi|temi)`,
    String.raw`cancella(?:te|re) (?:il mio \w+|i miei dati)`,
    `non (?:mi )?${CONTACT_VERB}${IMPERATIVE}(?: piu)?`,
  ]),
  rule("opt_out", 0.9, [
    String.raw`non (?:voglio|vogliamo|desidero) (?:piu )?(?:essere (?:contattat|disturbat|chiamat)\w*|ricevere|sentir\w*)`,
    String.raw`(?:rimuov|togli)(?:etemi|ermi|imi|ete il mio \w+)`,
    String.raw`disiscriv\w*|disiscrizione`,
    "basta (?:con )?(?:questi |queste |i |le |le vostre |i vostri )?(?:messaggi|sms|email|mail|chiamate|telefonate)",
    "basta (?:scrivermi|chiamarmi|contattarmi|disturbarmi)",
    String.raw`revoc\w* (?:il (?:mio )?)?consenso`,
    "opposizione al trattamento",
  ]),
  rule("opt_out", 0.85, [
    String.raw`smettete(?:la)? di \w+|smettetela`,
    "lasciatemi (?:in pace|stare)",
    "non ne posso piu",
    String.raw`vi diffido\w*|diffid\w* (?:dal|a non)`,
  ]),
  // "Basta!!!" on its own; "basta che mi mandiate l IBAN" is no objection.
  rule("opt_out", 0.7, ["^basta$"]),
  rule("opt_out", 0.95, [
    "unsubscribe",
    "opt ?out",
    "(?:remove|delete|take) (?:me|my (?:number|details|data|name|email|phone))",
    "(?:do not|dont|never) (?:contact|call|text|email|message|write to|ring|phone) (?:me|us)",
  ]),
  rule("opt_out", 0.85, [
    "leave me alone",
    "no more (?:messages|texts|calls|emails)",
    "withdraw (?:my )?consent",
  ]),
];

export const DISPUTE_RULES: PhraseRule[] = [
  rule("dispute", 0.9, [
    "non (?:e|sono|era|risulta) (?:il |la |un |una )?(?:mio|mia|miei|mie)",
    "non mi (?:appartiene|appartengono|riguarda)",
    String.raw`non (?:lo |la |li |le )?riconosc\w*`,
    "not (?:mine|my (?:debt|account|bill|invoice|loan|contract|number))",
  ]),
  rule("dispute", 0.85, ["contest(?:o|iamo|ato|ata|azione|are)"], negatable),
  rule("dispute", 0.8, [
    String.raw`non (?:ho|abbiamo) mai(?: (?:avuto|firmato|ricevuto|sottoscritto|richiesto|attivato|ordinato|usato|stipulato|comprato|acquistato)\w*)?`,
    "non (?:e|sono) mai stat[oaie]",
    String.raw`mai (?:stat[oaie] )?(?:attivat|consegnat|ricevut)\w*`,
    "non ho ricevuto (?:la merce|il prodotto|la fornitura|il servizio|nulla|niente|il pacco|la fattura)",
  ]),
  // "errore mio", "my mistake": the debtor owns the error, nothing is contested.
  rule(
    "dispute",
    0.7,
    ["(?<!mio )(?:errore|errori|errat[oaie]|sbagliat[oaie]|non corrett[oaie])(?! mio)"],
    negatable,
  ),
  rule("dispute", 0.85, [
    "avete sbagliato|non sono io",
    String.raw`non conosco (?:questa persona|questo nome|nessun\w*)`,
    String.raw`non (?:vi )?devo (?:niente|nulla|alcun\w*)|non vi devo|non (?:e )?dovut[oa]`,
  ]),
  rule("dispute", 0.75, [
    String.raw`non corrispond\w*`,
    String.raw`(?:questo numero|il numero|questa utenza) non e (?:di|del|della|intestat\w*)`,
    "restituit[oa] (?:la merce|il prodotto|tutto|il pacco)",
    "va annullat[oa]|da annullare|(?:annullate|stornate) la fattura",
  ]),
  rule("dispute", 0.8, ["truffa|truffatori|frode|raggiro", "prescritt[oaie]|prescrizione"]),
  rule("dispute", 0.7, [
    String.raw`ho disdetto|gia disdett\w*`,
    "contratto (?:chiuso|cessato|disdetto|annullato)",
    "reclamo",
    // A lawyer in the conversation means a person must read it first.
    "avvocat[oi]|lawyer|solicitor|attorney",
  ]),
  rule("dispute", 0.85, ["(?:i |we )?dispute(?: (?:this|the|it|that))?|disputing"], negatable),
  rule("dispute", 0.85, [
    "wrong (?:invoice|amount|person|number|bill|account|address|customer)",
    "never (?:received|ordered|signed|had|used|opened|agreed|bought|got)",
    "(?:dont|do not|didnt|did not) (?:owe|recogni[sz]e)",
  ]),
  rule(
    "dispute",
    0.75,
    [
      String.raw`scam|fraud\w*`,
      "(?<!my )(?:mistake|error)",
      "incorrect|doesnt match",
      "statute barred|time barred",
    ],
    negatable,
  ),
];

export const HARDSHIP_RULES: PhraseRule[] = [
  rule("hardship", 0.9, [
    "pers[oa] (?:il |mio |il mio )?lavoro",
    "licenziat[oaie]|senza (?:lavoro|stipendio)|disoccupat[oaie]",
    "cassa ?integrazione|cassintegrat[oaie]|naspi",
    String.raw`lost my job|laid off|made redundant|redundancy|unemployed|out of work|jobless|furlough\w*`,
  ]),
  rule("hardship", 0.8, [
    "malattia|malat[oaie]|ammalat[oaie]|ospedale|ricoverat[oaie]",
    String.raw`tumore|cancro|chemio\w*|intervento chirurgico|invalidita`,
    "illness|(?:i am|been|am|was) (?:very |seriously |really )?(?:ill|sick)",
    "off (?:work )?sick|sick (?:pay|leave|note)",
    "hospital|hospitali[sz]ed|cancer|surgery|chemo",
  ]),
  rule("hardship", 0.85, [
    "lutto|decedut[oaie]|decesso|mort[oaie] (?:mio|mia)|e mort[oaie]",
    "venut[oa] a mancare|scompars[oa]",
    String.raw`bereave\w*|passed away|died|funeral`,
  ]),
  rule("hardship", 0.8, [
    String.raw`difficolta(?: economic\w*| finanziari\w*| a pagare)?`,
    "problemi (?:economici|di soldi|finanziari)|crisi",
    "no money|financial (?:difficult\\w*|hardship|problems)|hardship|struggling",
  ]),
  rule("hardship", 0.85, [
    "non (?:riesco|posso|potro|riusciro|sono in grado di|siamo in grado di) (?:a )?(?:pagare|saldare|versare|fare (?:il )?bonifico)",
    "non ce la (?:faccio|facciamo)|come faccio a pagare",
    String.raw`non arriv\w* a fine mese`,
    "non (?:ho|abbiamo) (?:i |abbastanza |piu |neanche i )?soldi",
    "non (?:ho|abbiamo) (?:un euro|un soldo|una lira)|sono al verde|senza soldi|pensione minima",
    "(?:cant|cannot|can not|unable to|not able to|wont be able to) (?:afford|pay)",
  ]),
];

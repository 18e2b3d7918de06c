/**
 * The answers of the API this app reads, as docs/calls.md describes them. Money is
 * integer minor units (`…Minor`), instants are ISO 8601 UTC strings, days are
 * "YYYY-MM-DD".
 */

export const ROLES = ["admin", "supervisor", "agent", "client_viewer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export type Me = {
  id: string;
  email: string;
  role: Role;
  allTenants: boolean;
  tenantIds: string[];
  via: string;
};

export type Tenant = { id: string; slug: string; name: string; currency: string; timeZone: string };

export const AGENT_STATES = ["available", "break", "offline"] as const;
export type SettableAgentState = (typeof AGENT_STATES)[number];
export type AgentState = SettableAgentState | "on_call";

export type Claim = {
  taskId: string;
  tenantId: string;
  caseId: string;
  caseReference: string;
  debtorName: string;
  claimedAt: string;
  expiresAt: string;
};

export type AgentView = {
  userId: string;
  name: string;
  team: string;
  skills: string[];
  state: AgentState;
  stateSince: string;
  current: Claim | null;
  today: {
    calls: number;
    rightPartyContacts: number;
    promises: number;
    amountPromisedMinor: number;
  };
};

export type NextAnswer = { claim: Claim | null; reason: string | null };

export type PriorityFactor = { key: string; points: number; detail: string };

export type Workspace = {
  task: {
    id: string;
    tenantId: string;
    source: "strategy" | "callback" | "broken_promise" | "assigned";
    reasons: string[];
    status: string;
    claimedByMe: boolean;
    expiresAt: string | null;
    attempts: number;
    priority: { score: number; band: "high" | "medium" | "low"; factors: PriorityFactor[] };
  };
  case: {
    id: string;
    reference: string;
    stage: string;
    status: string;
    holdReasons: string[];
    balanceMinor: number;
    currency: string;
    daysPastDue: number | null;
    creditorName: string;
  };
  debtor: {
    id: string;
    name: string;
    kind: "person" | "company";
    language: string;
    timeZone: string;
    localTime: string;
    preferredWindow: { from: string; to: string } | null;
    preferredChannel: string | null;
  };
  phones: {
    value: string;
    type: string | null;
    telHref: string;
    sipHref: string | null;
    optedOut: boolean;
    unanswered: number;
  }[];
  invoices: {
    number: string;
    issueDate: string | null;
    dueDate: string;
    amountMinor: number;
    openAmountMinor: number;
  }[];
  contacts: {
    at: string;
    channel: string;
    direction: "out" | "in";
    what: string;
    notes: string | null;
    by: string | null;
  }[];
  promises: {
    amountMinor: number;
    dueDate: string;
    status: string;
    source: string;
    createdAt: string;
  }[];
  plans: { status: string; installments: number; totalMinor: number; createdAt: string }[];
  reasons: { code: string; text: string | null; at: string }[];
  script: {
    template: string;
    language: string;
    opening: string;
    branch: { reason: string; text: string } | null;
    closing: string;
  };
  callWindow: { allowedNow: boolean; until: string | null; rule: string | null };
};

export const OUTCOMES = [
  "right_party_contact",
  "promise_to_pay",
  "payment_taken",
  "callback_requested",
  "no_answer",
  "busy",
  "voicemail",
  "wrong_number",
  "third_party",
  "refused",
  "dispute",
  "hardship",
  "already_paid",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Disposition = {
  outcome: Outcome;
  notes?: string;
  phone?: string;
  promise?: { amountMinor: number; dueDate: string };
  paymentAmountMinor?: number;
  callbackAt?: string;
  durationSeconds?: number;
};

export type DispositionResult = {
  callId: string;
  next: { kind: "callback" | "retry" | "done"; at: string | null };
};

export type DialResult = { href: string; placed: boolean; via: "link" | "click_to_call" };

export type Queue = {
  tenantId: string;
  tenantName: string;
  team: string | null;
  skill: string | null;
  size: number;
  dueNow: number;
  oldestDueAt: string | null;
  bands: { high: number; medium: number; low: number };
};

export type AgentRow = {
  userId: string;
  name: string;
  team: string;
  state: string;
  stateSince: string;
  current: { tenantId: string; caseReference: string; since: string } | null;
  calls: number;
  rightPartyContacts: number;
  promises: number;
  amountPromisedMinor: number;
};

export type Live = { queues: Queue[]; agents: AgentRow[] };

export type CallRow = {
  id: string;
  at: string;
  endedAt: string;
  durationSeconds: number | null;
  agentId: string | null;
  agentName: string | null;
  caseId: string;
  caseReference: string;
  debtorName: string;
  outcome: string;
  notes: string | null;
  phone: string | null;
  promiseAmountMinor: number | null;
  callbackAt: string | null;
  source: "agent" | "dialer";
};

export type BlockRow = {
  at: string;
  taskId: string;
  caseId: string;
  caseReference: string;
  debtorName: string;
  kind: "defer" | "block" | "cancel";
  rule: string | null;
  reason: string;
  until: string | null;
};

export type Page<T> = { items: T[]; total: number };

export type AgentOption = { userId: string; name: string; team: string; skills: string[] };

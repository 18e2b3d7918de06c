import { authRoutes } from "./modules/auth/http/routes";
import { callAgentRoutes } from "./modules/calls/http/agent-routes";
import { dialerRoutes } from "./modules/calls/http/dialer-routes";
import { dialerWebhookRoutes } from "./modules/calls/http/dialer-webhook-routes";
import { callSupervisorRoutes } from "./modules/calls/http/supervisor-routes";
import { caseHoldRoutes } from "./modules/cases/http/holds";
import { caseRoutes } from "./modules/cases/http/routes";
import { letterRoutes } from "./modules/channels/http/letter-routes";
import { outboxRoutes } from "./modules/channels/http/outbox-routes";
import { publicChannelRoutes } from "./modules/channels/http/public-routes";
import { channelSettingsRoutes } from "./modules/channels/http/settings-routes";
import { webhookRoutes } from "./modules/channels/http/webhook-routes";
import { debtorRoutes } from "./modules/debtors/http/routes";
import { importRoutes } from "./modules/imports/http/routes";
import { invoiceDocumentRoutes } from "./modules/invoices/http/document-routes";
import { invoiceRoutes } from "./modules/invoices/http/routes";
import { cardRoutes } from "./modules/payments/http/card-routes";
import { casePaymentRoutes } from "./modules/payments/http/case-payment-routes";
import { directDebitRoutes } from "./modules/payments/http/direct-debit-routes";
import { eventRoutes } from "./modules/payments/http/event-routes";
import { paymentRoutes } from "./modules/payments/http/payment-routes";
import { statementRoutes } from "./modules/payments/http/statement-routes";
import { planRoutes } from "./modules/plans/http/routes";
import { policyRoutes } from "./modules/policy/http/routes";
import { portalAgreementRoutes } from "./modules/portal/http/agreement-routes";
import { portalCaseRoutes } from "./modules/portal/http/case-routes";
import { portalConversationRoutes } from "./modules/portal/http/conversation-routes";
import { portalEntryRoutes } from "./modules/portal/http/entry-routes";
import { portalPageRoutes } from "./modules/portal/http/page-routes";
import { portalPaymentRoutes } from "./modules/portal/http/payment-routes";
import { portalStaffRoutes } from "./modules/portal/http/staff-routes";
import { promiseRoutes } from "./modules/promises/http/routes";
import { staffPageRoutes } from "./modules/staff-app/http/page-routes";
import { strategyRoutes } from "./modules/strategies/http/routes";
import { templateRoutes } from "./modules/templates/http/routes";
import { tenantRoutes } from "./modules/tenants/http/routes";
import type { RouteModule } from "./platform/http/server";

/** Every module's routes, mounted under /api/v1. */
export const ROUTES: RouteModule[] = [
  authRoutes,
  tenantRoutes,
  debtorRoutes,
  invoiceRoutes,
  invoiceDocumentRoutes,
  caseRoutes,
  caseHoldRoutes,
  importRoutes,
  strategyRoutes,
  policyRoutes,
  outboxRoutes,
  channelSettingsRoutes,
  letterRoutes,
  templateRoutes,
  webhookRoutes,
  statementRoutes,
  paymentRoutes,
  casePaymentRoutes,
  eventRoutes,
  promiseRoutes,
  cardRoutes,
  directDebitRoutes,
  planRoutes,
  portalStaffRoutes,
  callAgentRoutes,
  callSupervisorRoutes,
  dialerRoutes,
];

/** Outside /api/v1: pages debtors open from their messages, the dialer's signed webhook. */
export const PUBLIC_ROUTES: RouteModule[] = [
  publicChannelRoutes,
  portalEntryRoutes,
  portalCaseRoutes,
  portalPaymentRoutes,
  portalAgreementRoutes,
  portalConversationRoutes,
  portalPageRoutes,
  staffPageRoutes,
  dialerWebhookRoutes,
];

/** Deterministic demo data: two creditors, an agency and ~2,000 debtors as intake records. */
export {
  type DemoPortfolioOptions,
  type DemoTenantPortfolio,
  generateDemoPortfolio,
} from "./portfolio.js";
export {
  DEFAULT_DEMO_SIZE,
  DEMO_AGENCY,
  DEMO_TENANTS,
  type DemoAgency,
  type DemoTenant,
  type DemoTenantSlug,
} from "./tenants.js";

/** Kysely's view of the tables in migrations/, one file per part of the schema. Keep in step with the SQL. */
import type { ChannelTables } from "./schema/channels";
import type { PaymentTables } from "./schema/payments";
import type { PortalTables } from "./schema/portal";
import type { PortfolioTables } from "./schema/portfolio";

export interface DB extends PortfolioTables, ChannelTables, PaymentTables, PortalTables {}

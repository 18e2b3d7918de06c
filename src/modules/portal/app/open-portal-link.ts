/**
 * A debtor opens the link from a message. A token that is not ours is refused
 * without saying more; an expired one names the creditor so the debtor knows
 * whom to ask. Otherwise the page learns how the debtor can prove who they are.
 */
import type { Clock } from "../../../platform/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { AppError } from "../../../platform/errors.js";
import type { DebtorLinks } from "../../channels/app/channel-runtime.js";
import { type KnowledgeKind, knowledgeOf } from "../domain/entry-rules.js";
import { knowledgeFailures } from "../store/entry-attempts.js";
import {
  type Brand,
  type CodeMethod,
  codeMethods,
  type EntryCase,
  loadEntryCase,
} from "../store/entry-case.js";

export interface PortalDoor {
  entry: EntryCase;
  methods: CodeMethod[];
  knowledge: { kind: KnowledgeKind; expected: string } | null;
}

const INVALID = () => new AppError("link_invalid", "this link is not valid");

/** The case behind a live link, or the error the page shows. */
export async function openPortalLink(
  deps: { database: Database; clock: Clock; links: DebtorLinks },
  token: string,
): Promise<PortalDoor> {
  const link = deps.links.readPortal(token);
  if (!link) throw INVALID();
  const entry = await loadEntryCase(deps.database.pool, link.caseId);
  if (!entry) throw INVALID();
  if (link.expiresAt.getTime() <= deps.clock.now().getTime()) {
    throw new AppError("link_expired", "this link has expired", {
      creditor: publicBrand(entry.brand),
      language: entry.language,
    });
  }
  return {
    entry,
    methods: await codeMethods(deps.database.pool, entry.tenantId, entry.debtorId),
    knowledge: knowledgeOf({
      ...entry,
      knowledgeFailures: await knowledgeFailures(
        deps.database.pool,
        entry.debtorId,
        deps.clock.now(),
      ),
    }),
  };
}

export function publicBrand(brand: Brand) {
  return {
    name: brand.name,
    legalName: brand.legalName,
    colour: brand.colour,
    logoUrl: brand.hasLogo ? `/api/portal/logo/${brand.tenantId}` : null,
    email: brand.email,
    phone: brand.phone,
  };
}

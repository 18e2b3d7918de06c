import { z } from "zod";
import type { TenantStrategy } from "../app/tenant-strategies";
import { strategyDefinition } from "../domain";
import type { StoredVersion } from "../store/strategy-versions";

export const tenantParams = z.object({ tenantId: z.uuid() });

export const versionParams = tenantParams.extend({
  key: z.string().min(1).max(64),
  version: z.coerce.number().int().positive(),
});

export const versionOut = z.object({
  key: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  definition: strategyDefinition,
});

export const strategyOut = z.object({
  key: z.string(),
  latestVersion: z.number().int(),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string() })),
  definition: strategyDefinition.describe("The latest version's definition"),
});

export const toVersion = (v: StoredVersion): z.infer<typeof versionOut> => ({
  key: v.strategyId,
  version: v.version,
  createdAt: v.createdAt.toISOString(),
  definition: v.definition,
});

export const toStrategy = (s: TenantStrategy): z.infer<typeof strategyOut> => ({
  key: s.key,
  latestVersion: s.latest.version,
  versions: s.versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })),
  definition: s.latest.definition,
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/platform/config";

const dirWithEnv = (text?: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), "saldo-config-"));
  if (text !== undefined) writeFileSync(path.join(dir, ".env"), text);
  return dir;
};

describe("configuration", () => {
  it("has documented defaults", () => {
    const dir = dirWithEnv();
    const config = loadConfig({}, dir);
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      demo: "auto",
      embeddedPgPort: 54329,
    });
    expect(config.dataDir).toBe(path.join(dir, ".saldo"));
  });

  it("reads a .env file, and the environment wins over it", () => {
    const dir = dirWithEnv(
      "PORT=4000\nSALDO_DATA_DIR=/var/lib/saldo\nDATABASE_URL=postgres://u:p@db:5432/saldo\n",
    );
    expect(loadConfig({}, dir)).toMatchObject({
      port: 4000,
      dataDir: "/var/lib/saldo",
      databaseUrl: "postgres://u:p@db:5432/saldo",
    });
    expect(loadConfig({ PORT: "5000" }, dir).port).toBe(5000);
  });

  it("stops on a bad value with a message naming the variable and where it came from", () => {
    expect(() => loadConfig({ PORT: "abc" }, dirWithEnv())).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "abc" }, dirWithEnv())).toThrow(
      /PORT="abc" \(from environment\)/,
    );
    expect(() => loadConfig({}, dirWithEnv("DATABASE_URL=mysql://x\n"))).toThrow(
      /DATABASE_URL=.*\(from \.env\).*postgres/,
    );
    expect(() => loadConfig({ SALDO_DEMO: "maybe" }, dirWithEnv())).toThrow(/SALDO_DEMO/);
  });
});

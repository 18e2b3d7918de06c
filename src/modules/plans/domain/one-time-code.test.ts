import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkOneTimeCode, issueOneTimeCode } from "./one-time-code.js";

const SECRET = "test-secret-of-enough-length-0123456789";
const PLAN = { purpose: "plan.sign", subject: "plan_01HZX" };
const NOW = new Date("2026-03-10T09:00:00Z");

/** Hands out the given 32-bit values, big-endian, one per call. */
function scriptedRandom(...values: number[]): (bytes: number) => Buffer {
  return (bytes) => {
    const value = values.shift();
    if (value === undefined) throw new Error("script exhausted");
    const buffer = Buffer.alloc(bytes);
    buffer.writeUInt32BE(value);
    return buffer;
  };
}

/** Deterministic bytes from a counter, for statistics that do not flake. */
function hashedCounter(): (bytes: number) => Buffer {
  let counter = 0;
  return (bytes) => createHash("sha256").update(String(counter++)).digest().subarray(0, bytes);
}

describe("issueOneTimeCode", () => {
  it("gives six digits, an HMAC-SHA256 hex hash and an expiry ten minutes on", () => {
    const issued = issueOneTimeCode(randomBytes, SECRET, PLAN, NOW);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.codeHash).not.toContain(issued.code);
    expect(issued.expiresAt.toISOString()).toBe("2026-03-10T09:10:00.000Z");
    expect(issueOneTimeCode(randomBytes, SECRET, PLAN, NOW, 3).expiresAt.toISOString()).toBe(
      "2026-03-10T09:03:00.000Z",
    );
  });

  it("throws away draws that would bias the low codes, and keeps leading zeros", () => {
    // 4_294_000_000 is the first value that would make 000000–967295 likelier than the rest.
    expect(
      issueOneTimeCode(scriptedRandom(4_294_967_295, 4_294_000_000, 42), SECRET, PLAN, NOW).code,
    ).toBe("000042");
    expect(issueOneTimeCode(scriptedRandom(4_293_999_999), SECRET, PLAN, NOW).code).toBe("999999");
    expect(() => issueOneTimeCode(() => Buffer.alloc(4, 0xff), SECRET, PLAN, NOW)).toThrow(
      /random source/,
    );
  });

  it("spreads codes evenly", () => {
    const random = hashedCounter();
    const counts = new Array<number>(10).fill(0);
    const draws = 50_000;
    for (let index = 0; index < draws; index++) {
      const { code } = issueOneTimeCode(random, SECRET, PLAN, NOW);
      counts[Number(code[0])]! += 1;
    }
    for (const count of counts) expect(Math.abs(count - draws / 10)).toBeLessThan(draws / 10 / 10);
  });
});

describe("checkOneTimeCode", () => {
  const issued = issueOneTimeCode(scriptedRandom(123_456), SECRET, PLAN, NOW);
  const stored = { codeHash: issued.codeHash, expiresAt: issued.expiresAt, attempts: 0 };
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

  it("accepts the code, also typed with spaces or a dash, until it expires", () => {
    expect(issued.code).toBe("123456");
    expect(checkOneTimeCode(stored, "123456", SECRET, PLAN, at(9))).toBe("ok");
    expect(checkOneTimeCode(stored, " 123 456 ", SECRET, PLAN, at(1))).toBe("ok");
    expect(checkOneTimeCode(stored, "123-456", SECRET, PLAN, at(1))).toBe("ok");
    expect(checkOneTimeCode(stored, "123456", SECRET, PLAN, at(10))).toBe("expired");
  });

  it("says wrong for another code, malformed input, another secret", () => {
    expect(checkOneTimeCode(stored, "123457", SECRET, PLAN, at(1))).toBe("wrong");
    expect(checkOneTimeCode(stored, "12345", SECRET, PLAN, at(1))).toBe("wrong");
    expect(checkOneTimeCode(stored, "12345a", SECRET, PLAN, at(1))).toBe("wrong");
    expect(checkOneTimeCode(stored, "123456", "another-secret", PLAN, at(1))).toBe("wrong");
    const broken = { ...stored, codeHash: "not hex" };
    expect(checkOneTimeCode(broken, "123456", SECRET, PLAN, at(1))).toBe("wrong");
  });

  it("never lets a code for one plan sign another, or serve another purpose", () => {
    expect(
      checkOneTimeCode(stored, "123456", SECRET, { ...PLAN, subject: "plan_other" }, at(1)),
    ).toBe("wrong");
    expect(
      checkOneTimeCode(stored, "123456", SECRET, { ...PLAN, purpose: "portal.login" }, at(1)),
    ).toBe("wrong");
    // Moving a separator between the fields changes the hash too.
    const shifted = { purpose: "plan.sign.plan_01HZX", subject: "" };
    expect(checkOneTimeCode(stored, "123456", SECRET, shifted, at(1))).toBe("wrong");
  });

  it("locks after the maximum attempts, even for the right code", () => {
    expect(checkOneTimeCode({ ...stored, attempts: 4 }, "123456", SECRET, PLAN, at(1))).toBe("ok");
    expect(checkOneTimeCode({ ...stored, attempts: 5 }, "123456", SECRET, PLAN, at(1))).toBe(
      "locked",
    );
    const strict = { ...stored, attempts: 2, maxAttempts: 2 };
    expect(checkOneTimeCode(strict, "123456", SECRET, PLAN, at(1))).toBe("locked");
  });
});

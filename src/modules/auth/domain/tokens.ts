import { createHash, randomBytes } from "node:crypto";

/** Session and API tokens are random; only their SHA-256 is stored. */
export function newToken(prefix: "ss" | "sk"): { token: string; hash: Buffer } {
  const token = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

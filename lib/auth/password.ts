import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// OWASP's argon2id profile (19 MiB, 2 passes, 1 lane). 2 = Algorithm.Argon2id (a const enum we cannot import).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters for the password.")
  .max(200, "Use at most 200 characters for the password.");

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real argon2id hash of a random string, so unknown e-mails cost the same time as wrong passwords. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}

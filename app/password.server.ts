/**
 * Password hashing with argon2id (OWASP's first choice) through @node-rs/argon2, which ships
 * a prebuilt native binary inside its npm package. Parameters follow OWASP's minimum
 * recommendation (19 MiB, 2 iterations, 1 lane); the encoded hash carries them, so they
 * can be raised later without breaking existing hashes.
 */
import { hash, verify } from "@node-rs/argon2";

/** `Algorithm.Argon2id`; the package exports it as a const enum, which isolatedModules cannot read. */
const ARGON2ID = 2;

const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const passwordRules = { minLength: 10, maxLength: 200 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash of a random password, verified against when the e-mail is unknown, so a
 * login for a missing account costs as much time as one for an existing account.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash(crypto.randomUUID(), options);
  return decoy;
}

import argon2 from 'argon2';
import { identityError } from '../identity.errors.js';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

export function assertStrongEnough(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw identityError('WEAK_PASSWORD', `A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (password.trim().length === 0) throw identityError('WEAK_PASSWORD', 'A password cannot be only spaces');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A real hash to verify against when the email is unknown, so that an unknown email takes as long to refuse
// as a wrong password and timing does not tell which part was wrong.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    decoyHash ??= argon2.hash('decoy-password-for-unknown-accounts', { type: argon2.argon2id });
    await argon2.verify(await decoyHash, password);
    return false;
  }
  return argon2.verify(hash, password);
}

import { passwordProblem } from '#core';
import { identityError } from '../identity.errors.js';

/**
 * Refuses a password that may not be set (WEAK_PASSWORD, saying why): too short or long, common or breached,
 * or made of the account's e-mail address. Checked before any hash is computed.
 */
export function assertStrongEnough(password: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw identityError('WEAK_PASSWORD', problem);
}

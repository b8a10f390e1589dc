import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Shorter local parts (`ana@`, `li@`) are refused only as the whole password: found inside a longer one they
 * would refuse good passwords for the sake of a few guessable letters.
 */
const MIN_LOCAL_PART_TO_SEARCH = 4;

// About 49,000 common and breached passwords (lower case), the list zxcvbn-ts ships in the package itself:
// nothing is downloaded at run time. Built on first use, as a set for constant-time look-ups.
let common: Set<string> | undefined;
const isCommon = (password: string): boolean => (common ??= new Set(dictionary['passwords-common'])).has(password.toLowerCase());

/**
 * Why a password may not be set, or undefined when it may: its length, a common or breached password, or one
 * made of the account's e-mail address. The same policy for invitations and for ADMIN_PASSWORD.
 *
 * @example passwordProblem('password12') // 'This password is on a list of common or breached passwords: …'
 */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return `A password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`;
  }
  if (password.trim().length === 0) return 'A password cannot be only spaces';
  if (isCommon(password)) {
    return 'This password is on a list of common or breached passwords, the first ones an attacker tries: choose another, e.g. a few unrelated words';
  }
  if (email && containsEmail(password.toLowerCase(), email.trim().toLowerCase())) {
    return 'A password cannot be or contain your e-mail address or the part before the @: choose another';
  }
  return undefined;
}

function containsEmail(password: string, email: string): boolean {
  const localPart = email.split('@')[0] ?? '';
  if (password.includes(email) || password === localPart) return true;
  return localPart.length >= MIN_LOCAL_PART_TO_SEARCH && password.includes(localPart);
}

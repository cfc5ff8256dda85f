import { readFileSync } from 'node:fs';
import { AppError } from '../../errors.js';

/** The shortest password a person may choose. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest (scrypt takes any length; the bodies cap it). */
export const MAX_PASSWORD_LENGTH = 1024;

// assets/ at the repository's root: the same three levels up from src/modules/accounts and dist/modules/accounts.
const LIST = new URL('../../../assets/common-passwords.txt', import.meta.url);
let common: Set<string> | undefined;

/** The bundled list of common passwords, read once on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(LIST, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/**
 * Refuses a new password that is too short (400 `password_too_short`) or one of the 10,000 most common passwords of
 * that length, whatever its case (400 `password_too_common`).
 */
export function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'password_too_short',
      `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a few words of your own are easy to remember.`,
    );
  }
  if (commonPasswords().has(password.trim().toLowerCase())) {
    throw new AppError(
      'password_too_common',
      'That password is one of the most common ones, which are guessed first; choose another.',
    );
  }
}

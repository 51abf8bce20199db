import { ValidationError } from '@tradehub/kernel';

/** Organisation, main account and store ids, chosen by the caller (the marketplace's own ids). */
export const DIRECTORY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const DIRECTORY_ID_MESSAGE =
  'must be 1-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit';

/** Staff usernames: compared and stored in lower case, unique within their realm. */
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;
export const USERNAME_MESSAGE =
  'must be 3-64 letters, digits, dots, underscores, @ or hyphens, starting with a letter or digit';

/** Names and display names: any language, trimmed, 1 to 200 characters. */
export const MAX_NAME = 200;

export function checkDirectoryId(value: string, field: string): string {
  if (!DIRECTORY_ID.test(value)) throw new ValidationError(DIRECTORY_ID_MESSAGE, field);
  return value;
}

export function checkUsername(value: string, field = 'username'): string {
  if (!USERNAME.test(value)) throw new ValidationError(USERNAME_MESSAGE, field);
  return value.toLowerCase();
}

export function checkName(value: string, field: string): string {
  const name = value.trim();
  if (name.length === 0 || [...name].length > MAX_NAME)
    throw new ValidationError(`must be 1 to ${MAX_NAME} characters`, field);
  return name;
}

import { v7 as uuidv7, validate, version } from 'uuid';

/** UUIDv7: time-ordered, so ids sort by creation and index well. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value) && [4, 7].includes(version(value));
}

import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationError } from '@tradehub/kernel';
import { fieldErrors } from '../http/field-errors';
import { findUnstorableText } from '../http/storable-text';

/**
 * Validates another team's message body with the same DTO class (and the same rules) as the
 * REST endpoint that accepts it; a refusal names the first offending field as a JSON path.
 */
export async function validateMessage<T extends object>(type: new () => T, data: unknown): Promise<T> {
  const unstorable = findUnstorableText(data);
  if (unstorable) throw new ValidationError(unstorable.message, unstorable.field);
  const instance = plainToInstance(type, data);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  const [first] = fieldErrors(errors);
  if (first) throw new ValidationError(first.message, first.field);
  return instance;
}

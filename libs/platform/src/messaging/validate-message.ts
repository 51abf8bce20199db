import { plainToInstance } from 'class-transformer';
import { validate, ValidationError as ClassValidatorError } from 'class-validator';
import { ValidationError } from '@tradehub/kernel';
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
  if (errors.length > 0) {
    const { field, message } = firstError(errors[0]);
    throw new ValidationError(message, field);
  }
  return instance;
}

function firstError(error: ClassValidatorError, parent = ''): { field: string; message: string } {
  const field = /^\d+$/.test(error.property)
    ? `${parent}[${error.property}]`
    : parent
      ? `${parent}.${error.property}`
      : error.property;
  const own = Object.values(error.constraints ?? {});
  if (own.length > 0 || !error.children?.length) return { field, message: own.join(', ') || 'is invalid' };
  return firstError(error.children[0], field);
}

import { ApiPropertyOptions } from '@nestjs/swagger';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { INSTANT_RANGE_TEXT, isInstantInRange } from '@tradehub/kernel';

/** An ISO 8601 instant with a four-digit year and an explicit offset, that JavaScript parses to a real time. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && isInstantInRange(Date.parse(value));
}

/**
 * Every instant the API accepts. Stricter than IsISO8601, which also lets through signed
 * six-digit years and dates without a zone that `new Date()` cannot read the same way; and
 * inside the one supported range (kernel), so that PostgreSQL stores it and what derives from it.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `must be an ISO 8601 instant with a zone, e.g. 2026-11-26T08:00:00Z, ${INSTANT_RANGE_TEXT}`,
        ...options,
      },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}

/** The OpenAPI description of an instant field: its own words, then the format and range every instant shares. */
export function instantDoc(description: string, options: ApiPropertyOptions = {}): ApiPropertyOptions {
  return {
    type: String,
    format: 'date-time',
    example: '2026-11-26T08:00:00Z',
    ...options,
    description: `${description}. ISO 8601 with a zone, ${INSTANT_RANGE_TEXT}.`,
  } as ApiPropertyOptions;
}

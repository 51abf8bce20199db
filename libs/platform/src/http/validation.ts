import { ArgumentMetadata, ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { findUnstorableText } from './storable-text';
import { problem, ProblemException } from './problem';

/**
 * Global input validation: unknown fields are refused, types are converted, and every failure
 * names its field as a JSON path (`lines[0].quantity`).
 */
export function validationPipe(): ValidationPipe {
  return new StorableTextValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const flat = flatten(errors);
      return new ProblemException(
        problem(400, 'VALIDATION_FAILED', flat.map((e) => `${e.field}: ${e.message}`).join('; '), flat),
      );
    },
  });
}

function flatten(errors: ClassValidatorError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = path(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: stripProperty(message, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function path(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator messages start with the property name; the field already says it. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Refuses text PostgreSQL cannot store (NUL, lone surrogates) before the usual validation. */
class StorableTextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const found = findUnstorableText(value);
      if (found) {
        throw new ProblemException(
          problem(400, 'VALIDATION_FAILED', `${found.field}: ${found.message}`, [found]),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

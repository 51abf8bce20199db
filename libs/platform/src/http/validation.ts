import { ArgumentMetadata, ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { findNulCharacter } from './nul-free';
import { problem, ProblemException } from './problem';

/**
 * Global input validation: unknown fields are refused, types are converted, and every failure
 * names its field as a JSON path (`lines[0].quantity`).
 */
export function validationPipe(): ValidationPipe {
  return new NulRefusingValidationPipe({
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

/** Refuses strings with a NUL character (which PostgreSQL cannot store) before the usual validation. */
class NulRefusingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const field = findNulCharacter(value);
      if (field) {
        throw new ProblemException(
          problem(400, 'VALIDATION_FAILED', `${field}: must not contain NUL characters`, [
            { field, message: 'must not contain NUL characters' },
          ]),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

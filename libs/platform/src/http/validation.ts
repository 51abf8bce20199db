import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { fieldErrors } from './field-errors';
import { findUnstorableText } from './storable-text';
import { problem, ProblemException } from './problem';

/**
 * Global input validation: unknown fields are refused, types are converted, and every bad field
 * is named once, as a JSON path (`lines[0].quantity`), with one message.
 */
export function validationPipe(): ValidationPipe {
  return new StorableTextValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value tells a missing field from a wrong one; it never leaves the server.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const flat = fieldErrors(errors);
      return new ProblemException(
        problem(400, 'VALIDATION_FAILED', flat.map((e) => `${e.field}: ${e.message}`).join('; '), flat),
      );
    },
  });
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

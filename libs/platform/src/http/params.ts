import { ParseUUIDPipe } from '@nestjs/common';
import { problem, ProblemException } from './problem';

/** A path id that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new ProblemException(
        problem(400, 'VALIDATION_FAILED', `${name} must be a UUID`, [
          { field: name, message: 'must be a UUID' },
        ]),
      ),
  });
}

import { PipeTransform } from '@nestjs/common';
import { problem, ProblemException } from '@tradehub/platform';
import { DIRECTORY_ID, DIRECTORY_ID_MESSAGE } from '../domain';

/** A path id of an organisation, main account or store; anything else is a 400 naming the parameter. */
export function directoryIdParam(name: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (typeof value !== 'string' || !DIRECTORY_ID.test(value))
        throw new ProblemException(
          problem(400, 'VALIDATION_FAILED', `${name}: ${DIRECTORY_ID_MESSAGE}`, [
            { field: name, message: DIRECTORY_ID_MESSAGE },
          ]),
        );
      return value;
    },
  };
}

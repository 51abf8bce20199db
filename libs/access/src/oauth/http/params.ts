import { PipeTransform } from '@nestjs/common';
import { problem, ProblemException } from '@tradehub/platform';

function patternParam(name: string, pattern: RegExp, what: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!pattern.test(value))
        throw new ProblemException(
          problem(400, 'VALIDATION_FAILED', `${name} must be ${what}`, [
            { field: name, message: `must be ${what}` },
          ]),
        );
      return value;
    },
  };
}

export const clientIdParam = patternParam('clientId', /^[a-z0-9][a-z0-9._-]{2,63}$/, 'a client id');
/** oidc-provider's grant ids are URL-safe random strings. */
export const grantIdParam = patternParam('grantId', /^[A-Za-z0-9_-]{8,128}$/, 'a grant id');

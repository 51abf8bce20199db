import { HttpResponse } from './http';

export const PROBLEM = 'application/problem+json';

/** A refusal as RFC 9457 problem+json with this status, naming `field` among its errors. */
export function expectFieldProblem(response: HttpResponse, field: string, status = 400): void {
  expect({ field, status: response.status }).toEqual({ field, status });
  expect(response.headers.get('content-type')).toContain(PROBLEM);
  expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

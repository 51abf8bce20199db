import { decodeCursor, encodeCursor } from './cursor';
import { ValidationError } from './domain-error';

describe('pagination cursor', () => {
  it('ORD-6: a cursor round-trips its sort key and rejects anything it did not issue', () => {
    expect(decodeCursor(encodeCursor(['-paidAt', '2026-11-26T00:00:00.000Z', 'id-1']))).toEqual([
      '-paidAt',
      '2026-11-26T00:00:00.000Z',
      'id-1',
    ]);
    expect(() => decodeCursor('bm9wZQ')).toThrow(ValidationError);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(ValidationError);
  });
});

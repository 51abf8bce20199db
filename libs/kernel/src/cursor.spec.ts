import { decodeCursor, decodeSequenceCursor, decodeTimeCursor, encodeCursor } from './cursor';
import { ValidationError } from './domain-error';

const forge = (parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');
const ID = '01a2157a-c8bc-764f-b248-09937b0aaf66';

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

  it('ORD-6: a cursor is refused unless it is byte for byte the text the API encoded', () => {
    const issued = encodeCursor(['-paidAt', '2026-11-26T00:00:00.000Z', ID]);
    for (const variant of [`${issued}=`, `${issued}.`, ` ${issued}`, `${issued}\n`]) {
      expect(() => decodeCursor(variant)).toThrow(ValidationError);
    }
  });

  it('ORD-6: a time cursor takes only an instant the API issues and a lower-case UUID', () => {
    expect(decodeTimeCursor(forge(['-paidAt', '2026-11-26T00:00:00.000Z', ID]))).toEqual({
      prefix: ['-paidAt'],
      at: '2026-11-26T00:00:00.000Z',
      id: ID,
    });
    const refused = [
      ['-paidAt', '1', ID],
      ['-paidAt', '2026-11-26', ID],
      ['-paidAt', '2026-11-26T00:00:00Z', ID],
      ['-paidAt', '2026-02-30T00:00:00.000Z', ID],
      ['-paidAt', '0000-01-01T00:00:00.000Z', ID],
      ['-paidAt', '1969-12-31T23:59:59.999Z', ID],
      ['-paidAt', '2201-01-01T00:00:00.000Z', ID],
      ['-paidAt', '+275760-09-13T00:00:00.000Z', ID],
      ['-paidAt', '2026-11-26T00:00:00.000Z', ID.toUpperCase()],
      ['-paidAt', '2026-11-26T00:00:00.000Z', 'not-a-uuid'],
      ['2026-11-26T00:00:00.000Z'],
    ];
    for (const parts of refused) {
      expect(() => decodeTimeCursor(forge(parts))).toThrow(ValidationError);
    }
  });

  it('CMP-6: a sequence cursor is one decimal string within the bigint range', () => {
    expect(decodeSequenceCursor(forge(['9223372036854775807']))).toBe('9223372036854775807');
    for (const parts of [['9223372036854775808'], ['0'], ['01'], [1], ['1', '2'], [], ['-1']]) {
      expect(() => decodeSequenceCursor(forge(parts))).toThrow(ValidationError);
    }
  });
});

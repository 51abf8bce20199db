import fc from 'fast-check';
import { Configuration } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { inlineParams } from './sql-literal';

// The ORM's own formatter, with dates in UTC as this machine's and CI's (the instant is the same in any zone).
const platform = new Configuration({ driver: PostgreSqlDriver, dbName: 'x', forceUtcTimezone: true }, false)
  .getDriver()
  .getPlatform();

const value = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom("it's", 'back\\slash', "both\\'", '?', '', '中文 ü'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.date({
    min: new Date('0001-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
  fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 4 }),
);

describe('inlineParams', () => {
  it('writes the same statement text as the ORM formatter for every kind of value the code passes', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (params) => {
        const sql = `select ${params.map((_, i) => `? as c${i}`).join(', ') || '1'} from t where x = 'a'`;
        expect(inlineParams(platform, sql, params)).toBe(platform.formatQuery(sql, params));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a count of parameters that does not match the placeholders', () => {
    expect(() => inlineParams(platform, 'select ?', [1, 2])).toThrow(/more parameters/);
    expect(() => inlineParams(platform, 'select ?, ?', [1])).toThrow(/fewer parameters/);
  });

  it('refuses a value that has no SQL literal', () => {
    expect(() => inlineParams(platform, 'select ?', [undefined])).toThrow(/undefined/);
  });
});

import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON nesting bound', () => {
  it('counts objects and arrays alike and allows exactly the limit', () => {
    expect(MAX_JSON_DEPTH).toBe(32);
    expect(jsonNestsDeeperThan(nested(32))).toBe(false);
    expect(jsonNestsDeeperThan(nested(33))).toBe(true);
    expect(jsonNestsDeeperThan(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`)).toBe(true);
    expect(jsonNestsDeeperThan('[{"a":[{"b":1}]},[[2]]]', 4)).toBe(false);
    expect(jsonNestsDeeperThan('[{"a":[{"b":1}]},[[2]]]', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(`{"a":"${'['.repeat(100)}"}`)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\"${'{'.repeat(100)}\\\\"}`)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\\\"${'['.repeat(40)}`)).toBe(true);
  });

  it('reads a million levels without recursion', () => {
    expect(jsonNestsDeeperThan(nested(1_000_000))).toBe(true);
  });
});

import { version } from 'uuid';
import { isUuid, newId } from './ids';

describe('newId', () => {
  it('gives distinct version-7 ids across refills of its random pool', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
  });

  it('orders ids of different milliseconds by creation', async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(newId() > first).toBe(true);
  });
});

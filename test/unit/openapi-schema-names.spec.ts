import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LIBS = resolve(__dirname, '../../libs');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Swagger names a schema after its class: two documented classes of the same name in different
 * contexts would be one schema in the OpenAPI document, silently describing one of them wrongly.
 */
describe('OpenAPI schema names', () => {
  it('every class documented with @nestjs/swagger has a name no other documented class uses', () => {
    const owners = new Map<string, string[]>();
    for (const file of sources(LIBS)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes("from '@nestjs/swagger'")) continue;
      for (const [, name] of text.matchAll(/^export class (\w+)/gm))
        owners.set(name, [...(owners.get(name) ?? []), file.slice(LIBS.length + 1)]);
    }
    const shared = [...owners].filter(([, files]) => files.length > 1);
    expect(shared).toEqual([]);
  });
});

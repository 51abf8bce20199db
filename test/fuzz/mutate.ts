import fc from 'fast-check';
import { Deep, Json, Known, oddInstant, oddKey, oddString, oddValue } from './values';

/** One change to a valid-looking body; `pick` chooses the place among all the body's paths. */
export type Mutation =
  | { kind: 'drop'; pick: number }
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'text'; pick: number; value: string; instant: string }
  | { kind: 'extra'; pick: number; key: string; value: Json }
  | { kind: 'root'; value: Json }
  | { kind: 'deep'; depth: number; pick: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  {
    arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: oddValue }),
    weight: 3,
  },
  // Odd text where text is expected passes the type checks and meets the content rules and the database.
  {
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      pick: fc.nat(),
      value: fc.oneof(oddString, oddInstant),
      instant: oddInstant,
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('extra' as const), pick: fc.nat(), key: oddKey, value: oddValue }),
  fc.record({ kind: fc.constant('root' as const), value: oddValue }),
  fc.record({
    kind: fc.constant('deep' as const),
    depth: fc.constantFrom(5, 31, 33, 100, 3000, 50_000),
    pick: fc.nat(),
  }),
);

type Path = (string | number)[];

/**
 * Applies the mutations in order to a copy of the body; returns the new body and what was done.
 * Values are copied in too: fast-check hands out its constants by reference, and a later
 * mutation must not change them (or make them contain themselves).
 */
export function mutate(body: Json, mutations: readonly Mutation[]): { body: Json; notes: string[] } {
  let current = cloneJson(body);
  const notes: string[] = [];
  for (const m of mutations) {
    if (m.kind === 'root') {
      current = cloneJson(m.value);
      notes.push(`root=${preview(m.value)}`);
      continue;
    }
    const paths = pathsOf(current);
    if (m.kind === 'text') {
      const texts = paths.filter((p) => typeof getAt(current, p) === 'string');
      if (texts.length === 0) continue;
      const at = texts[m.pick % texts.length];
      // An instant field gets an odd instant: one JavaScript reads and PostgreSQL may not.
      const value = /^\d{4}-\d{2}-\d{2}T/.test(getAt(current, at) as string) ? m.instant : m.value;
      current = setAt(current, at, value);
      notes.push(`text@${show(at)}=${preview(value)}`);
      continue;
    }
    const path = paths[m.pick % paths.length];
    if (m.kind === 'deep') {
      current = setAt(current, path, new Deep(m.depth));
      notes.push(`deep(${m.depth})@${show(path)}`);
    } else if (m.kind === 'drop' && path.length > 0) {
      current = dropAt(current, path);
      notes.push(`drop@${show(path)}`);
    } else if (m.kind === 'replace') {
      current = setAt(current, path, cloneJson(m.value));
      notes.push(`replace@${show(path)}=${preview(m.value)}`);
    } else if (m.kind === 'extra') {
      const target = getAt(current, path);
      if (isObject(target)) {
        // defineProperty: an assigned `__proto__` would change the prototype instead of adding a key.
        Object.defineProperty(target, m.key, {
          value: cloneJson(m.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        notes.push(`extra@${show(path)}.${preview(m.key)}`);
      }
    }
  }
  return { body: current, notes };
}

function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function getAt(value: Json, path: Path): Json {
  let current = value;
  for (const key of path) current = (current as Record<string | number, Json>)[key];
  return current;
}

function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]] = value;
  return root;
}

function dropAt(root: Json, path: Path): Json {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else if (isObject(parent)) delete parent[key as string];
  return root;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Known) &&
    !(value instanceof Deep)
  );
}

function cloneJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isObject(value)) {
    const copy: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(copy, k, {
        value: cloneJson(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

function show(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '.';
}

export function preview(value: unknown): string {
  const text =
    value instanceof Known
      ? `<known ${value.kind}>`
      : value instanceof Deep
        ? `<nested ${value.depth}>`
        : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...(${text.length})` : text;
}

// JSON Schemas generated from the TypeScript types by ts-json-schema-generator, as AsyncAPI
// components: `#/definitions/X` becomes `#/components/schemas/X`.
import {
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  SchemaGenerator,
} from 'ts-json-schema-generator';

/**
 * One TypeScript program over `files` (type-checked: a catalogue example that no longer satisfies
 * its payload interface stops the generator as it stops the build). `generate(names, { closed })`
 * returns the schemas of the named types and of every named type they use; `closed` adds
 * `additionalProperties: false` (inbound bodies, where unknown fields are refused).
 */
export function schemaGenerator(files, tsconfig) {
  const base = { ...DEFAULT_CONFIG, tsconfig, path: `{${files.join(',')}}` };
  const program = createProgram(base);
  const generators = new Map();
  const generatorFor = (closed) => {
    if (!generators.has(closed)) {
      const config = { ...base, additionalProperties: !closed };
      generators.set(
        closed,
        new SchemaGenerator(program, createParser(program, config), createFormatter(config), config),
      );
    }
    return generators.get(closed);
  };
  return {
    generate(names, { closed }) {
      const { definitions } = generatorFor(closed).createSchema(names);
      return JSON.parse(JSON.stringify(definitions).replaceAll('"#/definitions/', '"#/components/schemas/'));
    },
  };
}

/** Adds `more` to `schemas`; one name must not stand for two different schemas. */
export function mergeSchemas(schemas, more) {
  for (const [name, schema] of Object.entries(more)) {
    if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(schema))
      throw new Error(`two different types are both named ${name}; rename one of them`);
    schemas[name] = schema;
  }
  return schemas;
}

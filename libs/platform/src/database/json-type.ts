import { Type } from '@mikro-orm/postgresql';

/**
 * A jsonb column whose JSON differs from its domain value (money, instants inside): the two
 * converters say how. Changes are detected on the JSON text, so a domain value equal to the stored
 * one is no change.
 */
export function jsonColumn<T, J = unknown>(
  toJson: (value: T) => J,
  fromJson: (json: J) => T,
): new () => Type<T | null, string | null> {
  return class JsonColumn extends Type<T | null, string | null> {
    override convertToDatabaseValue(value: T | null): string | null {
      return value === null || value === undefined ? null : JSON.stringify(toJson(value));
    }

    override convertToJSValue(value: string | object | null): T | null {
      if (value === null || value === undefined) return null;
      return fromJson((typeof value === 'string' ? JSON.parse(value) : value) as J);
    }

    override getColumnType(): string {
      return 'jsonb';
    }

    override compareAsType(): string {
      return 'string';
    }
  };
}

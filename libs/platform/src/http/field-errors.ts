import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * One clear message per bad field, named by its JSON path (`lines[0].quantity`), for REST and
 * Kafka alike: "is required" when the value is missing, otherwise the first rule it fails in the
 * order the DTO declares them (type first), not every rule at once. A field that is wrong
 * itself is reported alone; what lies inside it is checked once it is right.
 */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = path(parent, error.property);
    const constraints = error.constraints ?? {};
    const messages = Object.values(constraints);
    if (messages.length === 0) {
      const inner = fieldErrors(error.children ?? [], field);
      return inner.length > 0 ? inner : [{ field, message: 'is invalid' }];
    }
    if (constraints.whitelistValidation) return [{ field, message: 'is not a field of this request' }];
    if (error.value === undefined || error.value === null) return [{ field, message: 'is required' }];
    return [{ field, message: stripProperty(firstDeclared(constraints), error.property) }];
  });
}

/**
 * class-validator runs a property's rules bottom-up, so the rule declared first fails last; its
 * structural check of nested values runs after all of them and is only a fallback.
 */
function firstDeclared(constraints: Record<string, string>): string {
  const { nestedValidation, ...rules } = constraints;
  return Object.values(rules).at(-1) ?? nestedValidation;
}

function path(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator messages start with the property name; the field already says it. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

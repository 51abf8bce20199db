import { ApiError } from '../api/api-error';

/** `redirectUris[1]`, `scopes.0` → the field's name and the item's index. */
function splitPath(path: string): { name: string; index?: number } {
  const match = /^([A-Za-z]+)(?:\[(\d+)\]|\.(\d+))?/.exec(path);
  if (!match) return { name: path };
  const index = match[2] ?? match[3];
  return { name: match[1], index: index === undefined ? undefined : Number(index) };
}

/**
 * The message a problem answer gives for one of a form's fields (ApiError.messageFor), also when it
 * names an item of it (`redirectUris[1]`): then `item(1)` says which, before the message.
 */
export function fieldProblem(
  error: unknown,
  field: string,
  item?: (index: number) => string,
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const exact = error.messageFor(field);
  if (exact) return exact;
  for (const e of error.errors) {
    const { name, index } = splitPath(e.field);
    if (name === field) return index !== undefined && item ? `${item(index)}: ${e.message}` : e.message;
  }
  return undefined;
}

/** Whether the failure is told beside the form's fields alone; else it also needs a ProblemAlert. */
export function onlyFieldProblems(error: unknown, fields: readonly string[]): boolean {
  return (
    error instanceof ApiError &&
    error.errors.length > 0 &&
    error.errors.every((e) => fields.includes(splitPath(e.field).name))
  );
}

/** The first of the form's fields the failure names, to move focus there. */
export function firstProblemField(error: unknown, fields: readonly string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return fields.find((f) => error.errors.some((e) => splitPath(e.field).name === f));
}

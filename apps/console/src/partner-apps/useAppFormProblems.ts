import { useState } from 'react';
import { fieldProblem, firstProblemField, onlyFieldProblems } from './problems';

/** The lists last sent, to name the item a problem points at (`redirectUris[1]`, `scopes[0]`). */
interface SentLists {
  redirectUris: string[];
  scopes: string[];
}

interface Options<F extends string> {
  /** The form's ids: a field's control is `id(field)`. */
  id: (part: string) => string;
  /** Where focus goes for a refused field that is a group (the first of its boxes); else its control. */
  focusTarget?: (field: F) => string | undefined;
  /** What else a change to any field clears (a note about the last answer). */
  onForget?: () => void;
}

/**
 * The register and edit forms' problems: the page's own checks before sending, then the server's
 * answer, each beside its field (focus on the first); what names no field goes above the form.
 */
export function useAppFormProblems<F extends string>(fields: readonly F[], options: Options<F>) {
  const { id, focusTarget, onForget } = options;
  const [checks, setChecks] = useState<Partial<Record<F, string>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [sent, setSent] = useState<SentLists>({ redirectUris: [], scopes: [] });

  const itemOf = (field: F) =>
    field === 'redirectUris' || field === 'scopes'
      ? (i: number) => sent[field as keyof SentLists][i] ?? `#${i + 1}`
      : undefined;
  const problemFor = (field: F): string | undefined =>
    checks[field] ?? fieldProblem(failure, field, itemOf(field));
  const focusField = (field: F) => document.getElementById(focusTarget?.(field) ?? id(field))?.focus();
  const forget = (field: F) => {
    setChecks((before) => ({ ...before, [field]: undefined }));
    setFailure(undefined);
    onForget?.();
  };

  return {
    problemFor,
    /** A field changed: its check and the last answer's problems are gone. */
    forget,
    /** A text field's props: its id, value and problem; a change sets it and forgets its problem. */
    bind: (field: F, value: string, set: (value: string) => void) => ({
      id: id(field),
      value,
      problem: problemFor(field),
      onChange: (next: string) => {
        set(next);
        forget(field);
      },
    }),
    /** The page's own checks, shown (focus on the first); true when there are none. */
    passes: (found: Partial<Record<F, string>>): boolean => {
      setFailure(undefined);
      setChecks(found);
      const first = fields.find((field) => found[field]);
      if (first) focusField(first);
      return first === undefined;
    },
    sending: setSent,
    failed: (error: unknown) => {
      setFailure(error);
      const first = firstProblemField(error, fields);
      if (first) focusField(first as F);
    },
    /** A failure the fields do not tell (a conflict, the network): above the form. */
    general: failure !== undefined && !onlyFieldProblems(failure, fields) ? failure : undefined,
  };
}

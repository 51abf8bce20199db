import type { ReactNode } from 'react';

/** What ties a form control to its hint and its problem (spread onto the control). */
export interface FieldAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The hint's and the problem's ids follow the control's: `${id}-hint`, `${id}-problem`. */
export function fieldAria(id: string, problem: string | undefined, hint: boolean): FieldAria {
  return {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined,
  };
}

/** Why a field (or a group of them, `id` being the group's) was refused, beside it; nothing without one. */
export function FieldProblem({ id, problem }: { id: string; problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p id={`${id}-problem`} role="alert" className="error">
      {problem}
    </p>
  );
}

interface FieldProps {
  /** The control's id; its hint and problem take theirs from it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problem?: string;
  /** The control, given its id and the aria that names its hint and problem. */
  children: (aria: FieldAria) => ReactNode;
}

/** A labelled control with its hint under it and, once refused, its problem (role="alert"). */
export function Field({ id, label, hint, problem, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(fieldAria(id, problem, hint !== undefined))}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldProblem id={id} problem={problem} />
    </div>
  );
}

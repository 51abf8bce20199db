import type { Ref } from 'react';
import { Field } from './Field';

interface ReasonFieldProps {
  id: string;
  label: string;
  hint: string;
  problem: string | undefined;
  value: string;
  /** The server's limit on the reason. */
  maxLength: number;
  onChange: (value: string) => void;
  ref?: Ref<HTMLTextAreaElement>;
}

/** The required reason an operator's decision is recorded with (and audited). */
export function ReasonField({ id, label, hint, problem, value, maxLength, onChange, ref }: ReasonFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} problem={problem}>
      {(aria) => (
        <textarea
          {...aria}
          ref={ref}
          value={value}
          required
          rows={3}
          maxLength={maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

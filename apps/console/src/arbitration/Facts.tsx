import type { ReactNode } from 'react';

/** A description list of facts; each term and its description kept together in one group. */
export function Facts({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <dl className="arbitration-facts" aria-label={label}>
      {children}
    </dl>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

import type { ReactNode } from 'react';

/** A description list of facts; each term and its description kept together in one group. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="order-facts">{children}</dl>;
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="order-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

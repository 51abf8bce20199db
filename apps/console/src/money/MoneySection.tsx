import { useId, type ReactNode } from 'react';

/** One part of the Money page: a region named by its heading. */
export function MoneySection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="money-section">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

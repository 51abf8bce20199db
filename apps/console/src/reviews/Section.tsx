import { useId, type ReactNode } from 'react';

/** One part of the Reviews page: a region named by its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="reviews-section">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

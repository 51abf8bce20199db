import { useId, type ReactNode } from 'react';

/** One part of a page: a region named by its heading. */
export function Section({
  title,
  className,
  children,
}: {
  title: string;
  className: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

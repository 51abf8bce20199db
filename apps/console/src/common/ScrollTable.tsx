import { useId, type ReactNode, type Ref } from 'react';

interface ScrollTableProps {
  /** The scrolling box's class (the page's CSS). */
  className: string;
  caption: ReactNode;
  captionClassName?: string;
  /** A page of rows is on its way. */
  busy?: boolean;
  /** The scrolling box, where focus can go when a row it had has left. */
  tableRef?: Ref<HTMLDivElement>;
  /** The table's head and body. */
  children: ReactNode;
}

/**
 * A table that may be wider than a narrow screen: it scrolls in a region named by its caption,
 * which the keyboard can reach (tabIndex 0) to scroll it.
 */
export function ScrollTable({
  className,
  caption,
  captionClassName,
  busy,
  tableRef,
  children,
}: ScrollTableProps) {
  const captionId = useId();
  return (
    <div ref={tableRef} className={className} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table aria-busy={busy}>
        <caption id={captionId} className={captionClassName}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

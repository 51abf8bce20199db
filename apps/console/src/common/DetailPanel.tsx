import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useCommonMessages } from './messages';

interface DetailPanelProps {
  /** The panel's element id (its list's open button controls it). */
  id: string;
  /** The panel's and its head's classes (the page's CSS). */
  className: string;
  headClassName: string;
  heading: string;
  /** The Close button's accessible name (which panel it closes). */
  closeLabel: string;
  onClose: () => void;
  /** What Escape does inside the panel; closing it unless the panel has something nearer to close. */
  onEscape?: () => void;
  /** The item shown: its heading takes the focus when it opens, and when another opens in its place. */
  itemKey: string;
  /** The heading, for a panel that moves the focus back to it later (after a decision, say). */
  headingRef?: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}

/**
 * One item of a queue, opened beside its list: a region named by its heading, which takes the
 * focus so keyboard and screen-reader users land on it; a Close button, and Escape, close it.
 */
export function DetailPanel(props: DetailPanelProps) {
  const { id, className, headClassName, heading, closeLabel, onClose, itemKey, children } = props;
  const c = useCommonMessages();
  const ids = useId();
  const own = useRef<HTMLHeadingElement>(null);
  const headingRef = props.headingRef ?? own;
  const onEscape = props.onEscape ?? onClose;

  useEffect(() => {
    headingRef.current?.focus();
  }, [headingRef, itemKey]);

  return (
    <section
      id={id}
      className={className}
      aria-labelledby={`${ids}-heading`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onEscape();
      }}
    >
      <div className={headClassName}>
        <h2 id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        <button type="button" className="button-quiet" aria-label={closeLabel} onClick={onClose}>
          {c.close}
        </button>
      </div>
      {children}
    </section>
  );
}

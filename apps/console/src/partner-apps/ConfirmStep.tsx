import { useEffect, useId, useRef, useState } from 'react';
import { ProblemAlert } from '../common/ProblemAlert';
import { useCommonMessages } from '../common/messages';

interface ConfirmStepProps<T> {
  /** The panel's classes (the page's CSS). */
  className: string;
  /** h2 as a panel of the page, h3 inside a card. */
  level: 2 | 3;
  heading: string;
  /** What the action cannot undo; it describes the confirm button. */
  warning: string;
  confirm: string;
  /** The confirm button's text while the request is under way. */
  busy: string;
  /** The request, sent once per click (api() adds the Idempotency-Key). */
  act: () => Promise<T>;
  onDone: (answer: T) => void;
  onCancel: () => void;
}

/**
 * The confirm step before an action that cannot be undone (a new secret, a revoked grant): its
 * heading takes the focus, the warning describes the button, a failure shows above the buttons.
 */
export function ConfirmStep<T>(props: ConfirmStepProps<T>) {
  const { className, level, heading, warning, confirm, busy, act, onDone, onCancel } = props;
  const c = useCommonMessages();
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [acting, setActing] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const Heading = level === 2 ? 'h2' : 'h3';

  useEffect(() => headingRef.current?.focus(), []);

  const run = async () => {
    if (acting) return;
    setActing(true);
    setFailure(undefined);
    try {
      onDone(await act());
    } catch (error) {
      setActing(false);
      setFailure(error);
    }
  };

  return (
    <section className={className} aria-labelledby={`${ids}-heading`}>
      <Heading id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      <p id={`${ids}-warning`} className="confirm-warning">
        {warning}
      </p>
      <ProblemAlert error={failure} />
      <div className="form-actions">
        <button
          type="button"
          className="button-danger"
          disabled={acting}
          aria-describedby={`${ids}-warning`}
          onClick={() => void run()}
        >
          {acting ? busy : confirm}
        </button>
        <button type="button" onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
    </section>
  );
}

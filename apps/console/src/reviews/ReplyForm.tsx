import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { ProblemAlert } from '../common/ProblemAlert';
import { lengthOf, MAX_REPLY_CHARS, replyToReview } from './loaders';
import { useReviewsMessages } from './messages';
import type { Review } from './types';

interface ReplyFormProps {
  review: Review;
  /** The review's heading: the form is named after it, so each form on the page has its own name. */
  reviewHeadingId: string;
  onReplied: (review: Review) => void;
  /** The server refused: the review has its reply already (REV-2), from another tab or person. */
  onRefused: (error: ApiError) => void;
}

/**
 * REV-2: the seller's one reply to a review, sent once with an Idempotency-Key (api() adds it),
 * so a repeated click or a retried request has one effect. The server's refusals are shown: a
 * message for the text beside it, any other problem above the button.
 */
export function ReplyForm({ review, reviewHeadingId, onReplied, onRefused }: ReplyFormProps) {
  const { v } = useReviewsMessages();
  const ids = useId();
  const id = (part: string) => `${ids}-${part}`;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const field = useRef<HTMLTextAreaElement>(null);
  const count = lengthOf(text);

  const refuse = (message: string) => {
    setProblem(message);
    field.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(undefined);
    const reply = text.trim();
    if (!reply) return refuse(v.replyRequired);
    if (lengthOf(reply) > MAX_REPLY_CHARS) return refuse(v.replyTooLong(lengthOf(reply), MAX_REPLY_CHARS));
    setProblem(undefined);
    setBusy(true);
    try {
      onReplied(await replyToReview(review.id, reply));
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.code === 'REPLY_EXISTS') return onRefused(failure);
      const message = failure instanceof ApiError ? failure.messageFor('text') : undefined;
      if (message) refuse(message);
      else setError(failure);
    }
  };

  return (
    <form
      className="reviews-reply-form"
      aria-labelledby={`${id('heading')} ${reviewHeadingId}`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h4 id={id('heading')}>{v.replyHeading}</h4>
      <div className="field">
        <label htmlFor={id('text')}>{v.replyLabel}</label>
        <textarea
          id={id('text')}
          ref={field}
          value={text}
          rows={3}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={[id('hint'), id('count'), problem ? id('problem') : ''].filter(Boolean).join(' ')}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(undefined);
          }}
        />
        <p id={id('hint')} className="hint">
          {v.replyHint(MAX_REPLY_CHARS)}
        </p>
        <p id={id('count')} className={count > MAX_REPLY_CHARS ? 'hint error' : 'hint'}>
          {v.replyCount(count, MAX_REPLY_CHARS)}
        </p>
        {problem && (
          <p id={id('problem')} role="alert" className="error">
            {problem}
          </p>
        )}
      </div>
      <ProblemAlert error={error} />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? v.sending : v.sendReply}
      </button>
    </form>
  );
}

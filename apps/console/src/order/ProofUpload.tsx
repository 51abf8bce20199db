import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { Instant } from '../orders/Instant';
import { checkFile, MAX_PROOF_BYTES } from './file-checks';
import { useOrderMessages } from './messages';
import { apiUpload } from '../api/client';

interface ReviewTask {
  id: string;
  slaDueAt: string | null;
}

type Outcome = { state: 'idle' } | { state: 'sent'; task: ReviewTask } | { state: 'failed'; message: string };

/** FUL-5: the carrier's pickup proof for one package, sent to the operations review queue. */
export function ProofUpload({ packageId }: { packageId: string }) {
  const m = useOrderMessages().actions;
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    const problem = await checkFile(file, ['application/pdf'], MAX_PROOF_BYTES);
    if (problem || !file) {
      setOutcome({ state: 'failed', message: m.proofProblems[problem ?? 'missing'] });
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const task = await apiUpload<ReviewTask>(`/v1/packages/${encodeURIComponent(packageId)}/proofs`, file);
      setOutcome({ state: 'sent', task });
    } catch (error) {
      setOutcome({ state: 'failed', message: error instanceof ApiError ? error.detail : m.sendFailed });
    } finally {
      setBusy(false);
    }
  }

  const failed = outcome.state === 'failed';
  return (
    <form className="order-action" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={inputId}>{m.proofLabel}</label>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        aria-invalid={failed || undefined}
        aria-describedby={failed ? errorId : undefined}
        onChange={() => setOutcome({ state: 'idle' })}
      />
      <button type="submit" disabled={busy}>
        {busy ? m.uploading : m.uploadProof}
      </button>
      <p role="status" className="order-action-result">
        {outcome.state === 'sent' &&
          (outcome.task.slaDueAt ? (
            <>
              {m.proofUploaded} <Instant iso={outcome.task.slaDueAt} />
            </>
          ) : (
            m.proofUploadedNoDue
          ))}
      </p>
      {failed && (
        <p id={errorId} role="alert" className="order-action-error">
          {outcome.message}
        </p>
      )}
    </form>
  );
}

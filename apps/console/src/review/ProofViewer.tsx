import { ApiError } from '../api/api-error';
import type { ReviewTask } from './types';
import { useProofUrl } from './useProofUrl';
import { useReviewMessages } from './useReviewMessages';

/** FUL-5: the uploaded pickup proof, shown in the page by the browser's PDF viewer, and its download. */
export function ProofViewer({ task, headingId }: { task: ReviewTask; headingId: string }) {
  const { r } = useReviewMessages();
  const proof = useProofUrl(task.id);
  const fileName = task.proof?.fileName ?? 'proof.pdf';

  return (
    <section className="review-proof" aria-labelledby={headingId}>
      <h3 id={headingId}>{r.proofHeading}</h3>
      {proof.state === 'loading' && <p>{r.proofLoading}</p>}
      {proof.state === 'failed' && (
        <p role="alert" className="error">
          {r.proofFailed}
          {proof.error instanceof ApiError ? `: ${proof.error.detail}` : ''}
        </p>
      )}
      {proof.state === 'ready' && (
        <>
          <p>
            <a href={proof.url} download={fileName}>
              {r.downloadProof}
            </a>{' '}
            <span className="secondary">{fileName}</span>
          </p>
          <iframe className="proof-frame" title={r.proofFrame} src={proof.url} />
        </>
      )}
    </section>
  );
}

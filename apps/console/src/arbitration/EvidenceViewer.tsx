import { useEffect, useRef } from 'react';
import { ApiError } from '../api/api-error';
import { useArbitrationMessages } from './messages';
import type { Evidence } from './types';
import { useEvidenceUrl } from './useEvidenceUrl';

interface EvidenceViewerProps {
  id: string;
  requestId: string;
  file: Evidence;
  /** Whose file it is, in words ("The buyer's evidence"). */
  ownerLabel: string;
  onClose: () => void;
}

/**
 * The file chosen from either side's evidence: a PDF in a frame (the browser's PDF viewer) from an
 * object URL that is revoked when the viewer closes or shows another file, an image drawn with
 * its name as its text alternative. Its heading takes the focus, so keyboard and screen-reader
 * users land on what they opened.
 */
export function EvidenceViewer({ id, requestId, file, ownerLabel, onClose }: EvidenceViewerProps) {
  const { a } = useArbitrationMessages();
  const shown = useEvidenceUrl(requestId, file);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [file]);

  return (
    <section id={id} className="arbitration-viewer" aria-labelledby={`${id}-heading`}>
      <div className="arbitration-viewer-head">
        <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {a.viewerHeading(file.fileName)} <span className="secondary">({ownerLabel})</span>
        </h3>
        <button type="button" className="button-quiet" onClick={onClose}>
          {a.closeFile}
        </button>
      </div>
      {shown.state === 'loading' && <p>{a.viewerLoading}</p>}
      {shown.state === 'failed' && (
        <p role="alert" className="error">
          {a.viewerFailed}
          {shown.error instanceof ApiError ? `: ${shown.error.detail}` : ''}
        </p>
      )}
      {shown.state === 'ready' && (
        <>
          <p>
            <a href={shown.url} download={file.fileName}>
              {a.downloadFile(file.fileName)}
            </a>{' '}
            ·{' '}
            <a href={shown.url} target="_blank" rel="noreferrer">
              {a.openInTab}
            </a>
          </p>
          {shown.image ? (
            <img className="arbitration-image" src={shown.image} alt={file.fileName} />
          ) : (
            <iframe className="arbitration-frame" title={file.fileName} src={shown.url} />
          )}
        </>
      )}
    </section>
  );
}

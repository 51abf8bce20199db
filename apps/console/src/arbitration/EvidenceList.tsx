import { useId, useState } from 'react';
import { ApiError } from '../api/api-error';
import { downloadBlob } from '../common/download';
import { labelOf } from '../common/messages';
import { fetchEvidence } from './evidence';
import { formatFileSize } from './format';
import { useArbitrationMessages } from './messages';
import type { Evidence } from './types';

/** Whose evidence a list shows; a file both sides sent is still shown under each. */
export type EvidenceOwner = 'buyer' | 'seller' | 'inspection';

interface EvidenceListProps {
  requestId: string;
  owner: EvidenceOwner;
  title: string;
  files: Evidence[];
  /** The file the viewer shows now, if it is one of this list's. */
  viewing: Evidence | undefined;
  /** The viewer's element id (aria-controls of the shown file's View button). */
  viewerId: string;
  onView: (file: Evidence, owner: EvidenceOwner, button: HTMLButtonElement) => void;
}

/**
 * One side's evidence files: name, type and size, each viewable in the panel's viewer or
 * downloaded under its own name (fetched with the operator's token, never linked directly).
 */
export function EvidenceList({
  requestId,
  owner,
  title,
  files,
  viewing,
  viewerId,
  onView,
}: EvidenceListProps) {
  const { a, locale } = useArbitrationMessages();
  const headingId = useId();
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<{ file: Evidence; error: unknown }>();

  const download = async (file: Evidence) => {
    if (busy) return;
    setBusy(file.sha256);
    setFailed(undefined);
    try {
      downloadBlob(await fetchEvidence(requestId, file), file.fileName);
    } catch (error) {
      setFailed({ file, error });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="arbitration-evidence">
      <h4 id={headingId}>{title}</h4>
      {files.length === 0 ? (
        <p className="secondary">{a.noEvidence}</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {files.map((file) => {
            const shown = viewing?.sha256 === file.sha256;
            return (
              <li key={file.sha256} className={shown ? 'shown' : undefined}>
                <span className="arbitration-file">
                  <span className="arbitration-file-name">{file.fileName}</span>
                  <span className="secondary">
                    {labelOf(a.fileTypes, file.contentType)} · {formatFileSize(file.sizeBytes, locale)}
                  </span>
                </span>
                <span className="arbitration-file-actions">
                  <button
                    type="button"
                    className="button-small"
                    aria-label={a.viewFile(file.fileName)}
                    aria-expanded={shown}
                    aria-controls={shown ? viewerId : undefined}
                    onClick={(event) => onView(file, owner, event.currentTarget)}
                  >
                    {a.view}
                  </button>
                  <button
                    type="button"
                    className="button-small"
                    aria-label={a.downloadFile(file.fileName)}
                    disabled={busy === file.sha256}
                    onClick={() => void download(file)}
                  >
                    {a.download}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {failed && (
        <p role="alert" className="error">
          {a.downloadFailed(failed.file.fileName)}
          {failed.error instanceof ApiError ? `: ${failed.error.detail}` : ''}
        </p>
      )}
    </div>
  );
}

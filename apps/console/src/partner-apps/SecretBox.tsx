import { useEffect, useId, useRef, useState } from 'react';
import { usePartnerAppsMessages } from './messages';
import type { IssuedSecret } from './types';

/**
 * A client secret just issued (registration or rotation), shown this once: a marked box with a
 * Copy button and the warning that it will not be shown again. It lives in this component's
 * props only; a reload or leaving the page loses it for good, as the server keeps only its hash.
 */
export function SecretBox({ issued, onDone }: { issued: IssuedSecret; onDone: () => void }) {
  const { p } = usePartnerAppsMessages();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed'>();

  // The operator's attention goes to it at once: it is the one thing they must act on.
  useEffect(() => {
    setCopy(undefined);
    heading.current?.focus();
  }, [issued]);

  const copySecret = async () => {
    try {
      await navigator.clipboard.writeText(issued.secret);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <section className="secret-box" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {issued.how === 'registered' ? p.secretRegistered(issued.name) : p.secretRotated(issued.name)}
      </h2>
      <p id={`${ids}-warning`} className="secret-warning">
        <strong>{p.secretWarning}</strong>
      </p>
      <dl className="secret-facts">
        <dt>{p.clientId}</dt>
        <dd>
          <code>{issued.clientId}</code>
        </dd>
      </dl>
      <div className="field">
        <label htmlFor={`${ids}-secret`}>{p.clientSecret}</label>
        <div className="secret-value">
          <input
            ref={input}
            id={`${ids}-secret`}
            type="text"
            readOnly
            value={issued.secret}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids}-warning`}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button-primary" onClick={() => void copySecret()}>
            {p.copy}
          </button>
        </div>
      </div>
      <p role="status" className={copy === 'failed' ? 'error' : 'announcement'}>
        {copy === 'copied' ? p.copied : copy === 'failed' ? p.copyFailed : ''}
      </p>
      <button type="button" onClick={onDone}>
        {p.secretStored}
      </button>
    </section>
  );
}

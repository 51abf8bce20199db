import { useState } from 'react';
import { api } from '../api/client';
import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import { NotYourPage } from '../common/NotYourPage';
import { useLoad } from '../common/useLoad';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useIsPlatformOperator } from '../layout/useIsPlatformOperator';
import { Instant } from '../orders/Instant';
import { AdvanceForms } from './AdvanceForms';
import type { AdvanceResult } from './advance';
import { useSandboxClockMessages } from './messages';

interface ServerTime {
  now: string;
  simulated: boolean;
}

/**
 * The sandbox's simulated clock (sandbox only, operators): where it stands, and advancing it by an
 * amount or to an instant, with how many timers fired on the way. Every countdown in the console
 * follows, since the console measures the server's clock again after each advance.
 */
export function SandboxClockPage() {
  const m = useSandboxClockMessages();
  const c = useCommonMessages();
  useDocumentTitle(m.title);
  const operator = useIsPlatformOperator();
  const { loaded, retry } = useLoad(operator ? 'clock' : null, (signal) =>
    api<ServerTime>('/v1/clock', { signal }),
  );
  const [last, setLast] = useState<AdvanceResult>();

  if (operator === false) return <NotYourPage title={m.title} who={m.operatorsOnly} />;
  const now = last?.now ?? (loaded.state === 'ready' ? loaded.data.now : undefined);
  return (
    <>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {loaded.state === 'loading' && <p>{c.loading}</p>}
      {loaded.state === 'failed' && <LoadProblem error={loaded.error} onRetry={retry} />}
      {loaded.state === 'ready' && !loaded.data.simulated && <p>{m.notSandbox}</p>}
      {loaded.state === 'ready' && loaded.data.simulated && now && (
        <>
          <p className="sandbox-now">
            {m.now}: <Instant iso={now} utc />
          </p>
          <AdvanceForms onAdvanced={setLast} last={last} />
        </>
      )}
    </>
  );
}

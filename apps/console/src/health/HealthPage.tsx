import { useState } from 'react';
import { useWhoami } from '../api/useWhoami';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useLoad } from '../common/useLoad';
import { EligibilitySection } from './EligibilitySection';
import { loadStanding, loadTradeAnalysis } from './loaders';
import { useHealthMessages } from './messages';
import { PenaltiesSection } from './PenaltiesSection';
import { RiskBoardSection } from './RiskBoardSection';
import { ScoreSection } from './ScoreSection';
import { StoreChooser } from './StoreChooser';
import { TradeAnalysisSection } from './TradeAnalysisSection';
import { WarningsSection } from './WarningsSection';
import './health.css';

/**
 * A seller's store health: the SLA score explained with its 90-day history (CMP-1), downgrade
 * warnings (CMP-2), campaign eligibility (CMP-3), penalty points (CMP-4), the risk board of the 17
 * risk types (CMP-5) and the trade analysis of the 12 core metrics (ANA-1). One store, or all of
 * them at a glance; each part reads on its own, so one failing leaves the others readable.
 */
export function HealthPage() {
  const { h } = useHealthMessages();
  useDocumentTitle(h.title);
  const whoami = useWhoami();
  const [storeId, setStoreId] = useState('');
  // The score's and the warnings' sections share the standing; the history's axis the analysis' 90-day window.
  const standing = useLoad(storeId, (signal) => loadStanding(storeId, signal));
  const analysis = useLoad(storeId, (signal) => loadTradeAnalysis(storeId, signal));
  const period =
    analysis.loaded.state === 'ready'
      ? { from: analysis.loaded.data.from, to: analysis.loaded.data.to }
      : undefined;

  return (
    <div className="health-page">
      <h1>{h.title}</h1>
      <StoreChooser storeId={storeId} whoami={whoami} onChange={setStoreId} />
      <ScoreSection storeId={storeId} standing={standing.loaded} onRetry={standing.retry} period={period} />
      <WarningsSection
        storeId={storeId}
        standing={standing.loaded}
        onRetry={standing.retry}
        analysis={analysis.loaded.state === 'ready' ? analysis.loaded.data : undefined}
      />
      <EligibilitySection standing={standing.loaded} onRetry={standing.retry} />
      <PenaltiesSection storeId={storeId} />
      <RiskBoardSection storeId={storeId} />
      <TradeAnalysisSection storeId={storeId} analysis={analysis.loaded} onRetry={analysis.retry} />
    </div>
  );
}

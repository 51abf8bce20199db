import type { Ref } from 'react';
import { useI18n } from '../i18n/useI18n';

interface SelectionBarProps {
  count: number;
  shipButton: Ref<HTMLButtonElement>;
  onShip: () => void;
  onClear: () => void;
}

/** How many orders are selected, with shipping them together or dropping the selection. */
export function SelectionBar({ count, shipButton, onShip, onClear }: SelectionBarProps) {
  const { t } = useI18n();
  return (
    <div role="group" aria-label={t.selection} className="selection-bar">
      <span className="selection-count">{t.selectedCount(count)}</span>
      <button
        ref={shipButton}
        type="button"
        className="button-primary"
        disabled={count === 0}
        onClick={onShip}
      >
        {t.shipSelected}
      </button>
      <button type="button" className="button-quiet" disabled={count === 0} onClick={onClear}>
        {t.clearSelection}
      </button>
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { Whoami } from '../api/me';
import { useI18n } from '../i18n/useI18n';
import { NO_FILTERS, type OrderFilters } from './filters';

interface OrderFilterBarProps {
  filters: OrderFilters;
  whoami: Whoami | undefined;
  onChange: (filters: OrderFilters) => void;
}

/**
 * Store and paid-at filters. Seller staff pick one of the stores their account reaches; a platform
 * operator (who reaches every store) types a store id, applied on Enter or on leaving the field.
 */
export function OrderFilterBar({ filters, whoami, onChange }: OrderFilterBarProps) {
  const { t } = useI18n();
  const [storeText, setStoreText] = useState(filters.storeId);
  useEffect(() => setStoreText(filters.storeId), [filters.storeId]);
  const stores = whoami?.kind === 'staff' ? whoami.me.storeIds : undefined;
  const commitStore = () => {
    if (storeText.trim() !== filters.storeId) onChange({ ...filters, storeId: storeText.trim() });
  };
  const anyFilter = filters.storeId !== '' || filters.paidFrom !== '' || filters.paidTo !== '';

  return (
    <div role="group" aria-label={t.filters} className="filters">
      <div className="field">
        <label htmlFor="filter-store">{t.store}</label>
        {stores ? (
          <select
            id="filter-store"
            value={filters.storeId}
            onChange={(event) => onChange({ ...filters, storeId: event.target.value })}
          >
            <option value="">{t.allStores}</option>
            {stores.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        ) : (
          <input
            id="filter-store"
            type="text"
            value={storeText}
            placeholder={t.storeIdPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setStoreText(event.target.value)}
            onBlur={commitStore}
            onKeyDown={(event) => event.key === 'Enter' && commitStore()}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor="filter-paid-from">{t.paidFrom}</label>
        <input
          id="filter-paid-from"
          type="date"
          value={filters.paidFrom}
          max={filters.paidTo || undefined}
          onChange={(event) => onChange({ ...filters, paidFrom: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-paid-to">{t.paidTo}</label>
        <input
          id="filter-paid-to"
          type="date"
          value={filters.paidTo}
          min={filters.paidFrom || undefined}
          onChange={(event) => onChange({ ...filters, paidTo: event.target.value })}
        />
      </div>
      {anyFilter && (
        <button type="button" className="button-quiet" onClick={() => onChange(NO_FILTERS)}>
          {t.clearFilters}
        </button>
      )}
    </div>
  );
}

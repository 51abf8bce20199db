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
 * Store, main account and paid-at filters. Seller staff pick among the stores and main accounts
 * their account reaches; a platform operator (who reaches every store) types an id, applied on
 * Enter or on leaving the field.
 */
export function OrderFilterBar({ filters, whoami, onChange }: OrderFilterBarProps) {
  const { t } = useI18n();
  // Until it is known who signed in, a choice with nothing to choose yet: never a text field that
  // turns into a choice under the person's hands.
  const me = whoami?.kind === 'staff' ? whoami.me : whoami ? undefined : LOADING;
  const anyFilter = Object.values(filters).some((value) => value !== '');

  return (
    <div role="group" aria-label={t.filters} className="filters">
      <IdFilter
        id="filter-store"
        label={t.store}
        all={t.allStores}
        placeholder={t.storeIdPlaceholder}
        value={filters.storeId}
        choices={me?.storeIds}
        onChange={(storeId) => onChange({ ...filters, storeId })}
      />
      <IdFilter
        id="filter-main-account"
        label={t.mainAccount}
        all={t.allMainAccounts}
        placeholder={t.mainAccountIdPlaceholder}
        value={filters.mainAccountId}
        choices={me?.mainAccountIds}
        onChange={(mainAccountId) => onChange({ ...filters, mainAccountId })}
      />
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

const LOADING = { storeIds: [] as string[], mainAccountIds: [] as string[] };

interface IdFilterProps {
  id: string;
  label: string;
  all: string;
  placeholder: string;
  value: string;
  /** The ids the person reaches; undefined: any id may be typed (a platform operator). */
  choices: string[] | undefined;
  onChange: (value: string) => void;
}

/** One id filter: a choice among the person's own ids, or a typed id applied on Enter or blur. */
function IdFilter({ id, label, all, placeholder, value, choices, onChange }: IdFilterProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) onChange(text.trim());
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {choices ? (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{all}</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
        />
      )}
    </div>
  );
}

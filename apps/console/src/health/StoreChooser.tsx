import { useEffect, useState } from 'react';
import type { Whoami } from '../api/me';
import { useCommonMessages } from '../common/messages';
import { useHealthMessages } from './messages';

interface StoreChooserProps {
  storeId: string;
  whoami: Whoami | undefined;
  onChange: (storeId: string) => void;
}

/**
 * The store the page shows ('' for all of them). Seller staff pick one of the stores their account
 * reaches; a platform operator (who reaches every store) types a store id, applied on Enter or on
 * leaving the field, as in the orders filters.
 */
export function StoreChooser({ storeId, whoami, onChange }: StoreChooserProps) {
  const { h } = useHealthMessages();
  const c = useCommonMessages();
  const [text, setText] = useState(storeId);
  useEffect(() => setText(storeId), [storeId]);
  // Until the account is known the select offers "All stores" only (no input flashing in and out).
  const operator = whoami?.kind === 'operator';
  const stores = whoami?.kind === 'staff' ? whoami.me.storeIds : [];
  const commit = () => {
    if (text.trim() !== storeId) onChange(text.trim());
  };

  return (
    <div className="filters health-store">
      <div className="field">
        <label htmlFor="health-store">{c.store}</label>
        {operator ? (
          <input
            id="health-store"
            type="text"
            value={text}
            placeholder={h.storeIdPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => event.key === 'Enter' && commit()}
          />
        ) : (
          <select id="health-store" value={storeId} onChange={(event) => onChange(event.target.value)}>
            <option value="">{c.allStores}</option>
            {stores.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        )}
      </div>
      {storeId === '' && <p className="hint health-store-hint">{h.storeHint}</p>}
    </div>
  );
}

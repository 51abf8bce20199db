import { useCommonMessages } from './messages';

interface StoreFilterProps {
  /** The select's id (the page's own). */
  id: string;
  /** One store id, or '' for every store the person reaches. */
  storeId: string;
  /** The stores the person reaches; undefined until it is known who is signed in (then disabled). */
  storeIds: readonly string[] | undefined;
  onChange: (storeId: string) => void;
}

/** A seller page's store filter: one of the person's stores, or all of them. */
export function StoreFilter({ id, storeId, storeIds, onChange }: StoreFilterProps) {
  const c = useCommonMessages();
  return (
    <div className="filters">
      <div className="field">
        <label htmlFor={id}>{c.store}</label>
        <select
          id={id}
          value={storeId}
          disabled={!storeIds}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{c.allStores}</option>
          {storeIds?.map((store) => (
            <option key={store} value={store}>
              {store}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

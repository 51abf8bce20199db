import { useCallback, useMemo, useRef, useState } from 'react';
import type { Order } from '../api/types';
import { useWhoami } from '../api/useWhoami';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { useI18n } from '../i18n/useI18n';
import { SpreadsheetTools } from '../spreadsheets/SpreadsheetTools';
import { listQuery, NO_FILTERS, type OrderFilters } from './filters';
import { OrderFilterBar } from './OrderFilterBar';
import { OrderGrid } from './OrderGrid';
import { OrderTabs, TAB_PANEL_ID, tabId } from './OrderTabs';
import './orders.css';
import { SelectionBar } from './SelectionBar';
import { ShipDialog } from './ShipDialog';
import { ShipSelectionDialog } from './ShipSelectionDialog';
import { ORDER_TABS, type TabKey } from './tabs';
import { useOrderCounts } from './useOrderCounts';
import { useOrderList } from './useOrderList';
import { useOrderSelection } from './useOrderSelection';

/** The order being shipped and the button that opened its dialog (focus goes back there). */
interface ShipTarget {
  orderId: string;
  opener: HTMLButtonElement;
}

/**
 * ORD-6: orders across the person's stores, by work queue, with shipment confirmation, and the
 * list's export and shipments' import as spreadsheets.
 */
export function OrdersPage() {
  const { t } = useI18n();
  useDocumentTitle(t.orders);
  const whoami = useWhoami();
  const [tabKey, setTabKey] = useState<TabKey>('awaiting');
  const [filters, setFilters] = useState<OrderFilters>(NO_FILTERS);
  const [reloadKey, setReloadKey] = useState(0);
  const [shipTarget, setShipTarget] = useState<ShipTarget>();
  const [announcement, setAnnouncement] = useState('');
  /** The orders in the open "ship selected" dialog, as they were selected when it opened. */
  const [shippingSelection, setShippingSelection] = useState<Order[]>();
  const grid = useRef<HTMLDivElement>(null);
  const shipSelectedButton = useRef<HTMLButtonElement>(null);

  const tab = ORDER_TABS.find((candidate) => candidate.key === tabKey)!;
  const query = useMemo(() => ({ ...tab.query, ...listQuery(filters) }), [tab, filters]);
  // The counts take the list's own filters: each tab's count is the length of its list.
  const counts = useOrderCounts(listQuery(filters), reloadKey);
  const list = useOrderList(query, reloadKey);
  const total = counts ? tab.count(counts) : undefined;
  const listKey = JSON.stringify(query);
  // Only the awaiting list ships a selection; another tab, filter or store starts a new one.
  const selection = useOrderSelection(listKey);
  const selecting = tabKey === 'awaiting';
  const { toggle, toggleAll } = selection;
  const gridSelection = useMemo(
    () => ({ selectedIds: selection.orders, onToggle: toggle, onToggleAll: toggleAll }),
    [selection.orders, toggle, toggleAll],
  );

  // A confirmation speaks of the list it was given on; another tab or filter starts afresh.
  const selectTab = (key: TabKey) => {
    if (key !== tabKey) setAnnouncement('');
    setTabKey(key);
  };
  const changeFilters = (next: OrderFilters) => {
    setAnnouncement('');
    setFilters(next);
  };

  const openShipDialog = useCallback((order: Order, opener: HTMLButtonElement) => {
    setAnnouncement('');
    setShipTarget({ orderId: order.id, opener });
  }, []);

  /** Back to the row's Ship button, or to the list when that row has left it. */
  const returnFocus = (opener: HTMLButtonElement | undefined) => {
    requestAnimationFrame(() => (opener?.isConnected ? opener : grid.current)?.focus());
  };

  const closeShipDialog = () => {
    returnFocus(shipTarget?.opener);
    setShipTarget(undefined);
  };

  const shipped = (orderId: string) => {
    setShipTarget(undefined);
    setAnnouncement(t.shipmentConfirmed(orderId));
    setReloadKey((key) => key + 1);
    returnFocus(undefined);
  };

  const openShipSelection = () => {
    setAnnouncement('');
    setShippingSelection([...selection.orders.values()]);
  };

  const closeShipSelection = () => {
    returnFocus(shipSelectedButton.current ?? undefined);
    setShippingSelection(undefined);
  };

  /** Shipped orders leave the selection (and the list); failed ones stay selected to send again. */
  const selectionSent = (shippedIds: string[], sent: number) => {
    selection.remove(shippedIds);
    setAnnouncement(t.shippedOfSelection(shippedIds.length, sent));
    if (shippedIds.length > 0) setReloadKey((key) => key + 1);
    if (shippedIds.length === sent) closeShipSelection();
  };

  return (
    <>
      <h1>{t.orders}</h1>
      <OrderFilterBar filters={filters} whoami={whoami} onChange={changeFilters} />
      <SpreadsheetTools
        tab={tabKey}
        query={query}
        onAnnounce={setAnnouncement}
        onImported={() => setReloadKey((key) => key + 1)}
      />
      <p role="status" className="announcement">
        {announcement}
      </p>
      <OrderTabs selected={tabKey} counts={counts} onSelect={selectTab} />
      <div role="tabpanel" id={TAB_PANEL_ID} aria-labelledby={tabId(tabKey)} className="tab-panel">
        {selecting && (
          <SelectionBar
            count={selection.orders.size}
            shipButton={shipSelectedButton}
            onShip={openShipSelection}
            onClear={selection.clear}
          />
        )}
        <OrderGrid
          items={list.items}
          hasMore={list.hasMore}
          loading={list.loading}
          error={list.error}
          total={total}
          resetKey={JSON.stringify(query)}
          scrollRef={grid}
          onLoadMore={list.loadMore}
          onRetry={list.retry}
          onShip={openShipDialog}
          selection={selecting ? gridSelection : undefined}
        />
      </div>
      {shipTarget && (
        <ShipDialog orderId={shipTarget.orderId} onClose={closeShipDialog} onShipped={shipped} />
      )}
      {shippingSelection && (
        <ShipSelectionDialog orders={shippingSelection} onClose={closeShipSelection} onSent={selectionSent} />
      )}
    </>
  );
}

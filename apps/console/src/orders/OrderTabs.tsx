import { useRef, type KeyboardEvent } from 'react';
import type { OrderCounts } from '../api/types';
import { useI18n } from '../i18n/useI18n';
import { ORDER_TABS, type TabKey } from './tabs';

export const TAB_PANEL_ID = 'orders-panel';
export const tabId = (key: TabKey): string => `orders-tab-${key}`;

interface OrderTabsProps {
  selected: TabKey;
  counts: OrderCounts | undefined;
  onSelect: (key: TabKey) => void;
}

/**
 * The work queues as an ARIA tablist: one tab stop, arrow keys (and Home/End) move and select,
 * each tab named "<label> (<count>)" once the counts are in.
 */
export function OrderTabs({ selected, counts, onSelect }: OrderTabsProps) {
  const { t } = useI18n();
  const refs = useRef(new Map<TabKey, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = ORDER_TABS.findIndex((tab) => tab.key === selected);
    const last = ORDER_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % ORDER_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % ORDER_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const key = ORDER_TABS[next].key;
    onSelect(key);
    refs.current.get(key)?.focus();
  };

  return (
    <div role="tablist" aria-label={t.orderTabs} className="tabs" onKeyDown={move}>
      {ORDER_TABS.map((tab) => {
        const active = tab.key === selected;
        return (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) refs.current.set(tab.key, element);
              else refs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={tabId(tab.key)}
            aria-selected={active}
            aria-controls={TAB_PANEL_ID}
            tabIndex={active ? 0 : -1}
            className="tab"
            onClick={() => onSelect(tab.key)}
          >
            {counts ? `${tab.label(t)} (${tab.count(counts)})` : tab.label(t)}
          </button>
        );
      })}
    </div>
  );
}

import { PATHS } from '../routing/paths';

type Page = keyof typeof PATHS;

export interface NavItem {
  href: string;
  /** The page's key in PATHS and in the shared messages. */
  label: Exclude<Page, 'landing' | 'callback'>;
}

export interface Viewer {
  operator: boolean;
  /** A seller admin: manages the organisation's staff and the apps it granted. */
  admin: boolean;
  /** The server runs the sandbox's simulated clock. */
  sandbox: boolean;
}

/**
 * The pages a viewer may use, in the header's order: sellers' work, or operators' queues; only
 * Orders, which both have, until it is known who signed in.
 */
export function navItems(viewer: Viewer | undefined): NavItem[] {
  if (!viewer) return [{ href: PATHS.orders, label: 'orders' }];
  if (!viewer.operator) {
    return [
      { href: PATHS.orders, label: 'orders' },
      { href: PATHS.reviews, label: 'reviews' },
      { href: PATHS.money, label: 'money' },
      { href: PATHS.health, label: 'health' },
      ...(viewer.admin ? [{ href: PATHS.connectedApps, label: 'connectedApps' } as const] : []),
    ];
  }
  return [
    { href: PATHS.orders, label: 'orders' },
    { href: PATHS.reviewQueue, label: 'reviewQueue' },
    { href: PATHS.heldSettlements, label: 'heldSettlements' },
    { href: PATHS.arbitration, label: 'arbitration' },
    { href: PATHS.fakeShipments, label: 'fakeShipments' },
    { href: PATHS.partnerApps, label: 'partnerApps' },
    ...(viewer.sandbox ? [{ href: PATHS.sandboxClock, label: 'sandboxClock' } as const] : []),
  ];
}

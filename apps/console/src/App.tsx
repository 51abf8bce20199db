import type { ComponentType } from 'react';
import { ArbitrationPage } from './arbitration/ArbitrationPage';
import { useSession } from './auth/useSession';
import { FakeShipmentsPage } from './fake-shipments/FakeShipmentsPage';
import { HeldSettlementsPage } from './held-settlements/HeldSettlementsPage';
import { ConnectedAppsPage } from './partner-apps/ConnectedAppsPage';
import { PartnerAppsPage } from './partner-apps/PartnerAppsPage';
import { ReviewsPage } from './reviews/ReviewsPage';
import { SandboxClockPage } from './sandbox-clock/SandboxClockPage';
import { CallbackPage } from './auth/CallbackPage';
import { LandingPage } from './landing/LandingPage';
import { SignedInLayout } from './layout/SignedInLayout';
import { HealthPage } from './health/HealthPage';
import { MoneyPage } from './money/MoneyPage';
import { OrderPage } from './order/OrderPage';
import { OrdersPage } from './orders/OrdersPage';
import { ReviewQueuePage } from './review/ReviewQueuePage';
import { orderIdOf, PATHS } from './routing/paths';
import { Redirect } from './routing/Redirect';
import { useLocationPath } from './routing/useLocationPath';

/** The signed-in pages by path (an order's page has its id in the path). */
const PAGES: Record<string, ComponentType | undefined> = {
  [PATHS.orders]: OrdersPage,
  [PATHS.reviewQueue]: ReviewQueuePage,
  [PATHS.money]: MoneyPage,
  [PATHS.health]: HealthPage,
  [PATHS.reviews]: ReviewsPage,
  [PATHS.connectedApps]: ConnectedAppsPage,
  [PATHS.heldSettlements]: HeldSettlementsPage,
  [PATHS.arbitration]: ArbitrationPage,
  [PATHS.fakeShipments]: FakeShipmentsPage,
  [PATHS.partnerApps]: PartnerAppsPage,
  [PATHS.sandboxClock]: SandboxClockPage,
};

/** The console's routes: the landing page, the OAuth callback, and the signed-in pages. */
export function App() {
  const path = useLocationPath();
  const signedIn = useSession() !== null;

  if (path === PATHS.callback) return <CallbackPage />;
  const orderId = orderIdOf(path);
  const Page = PAGES[path];
  const page = Page ? <Page /> : orderId ? <OrderPage orderId={orderId} /> : null;
  if (page) {
    if (!signedIn) return <Redirect to={PATHS.landing} />;
    return <SignedInLayout>{page}</SignedInLayout>;
  }
  if (path !== PATHS.landing) return <Redirect to={signedIn ? PATHS.orders : PATHS.landing} />;
  return signedIn ? <Redirect to={PATHS.orders} /> : <LandingPage />;
}

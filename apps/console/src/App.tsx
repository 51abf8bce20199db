import { useSession } from './auth/useSession';
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

/** The console's routes: the landing page, the OAuth callback, and the signed-in pages. */
export function App() {
  const path = useLocationPath();
  const signedIn = useSession() !== null;

  if (path === PATHS.callback) return <CallbackPage />;
  const orderId = orderIdOf(path);
  const page =
    path === PATHS.orders ? (
      <OrdersPage />
    ) : path === PATHS.reviewQueue ? (
      <ReviewQueuePage />
    ) : path === PATHS.money ? (
      <MoneyPage />
    ) : path === PATHS.health ? (
      <HealthPage />
    ) : orderId ? (
      <OrderPage orderId={orderId} />
    ) : null;
  if (page) {
    if (!signedIn) return <Redirect to={PATHS.landing} />;
    return <SignedInLayout>{page}</SignedInLayout>;
  }
  if (path !== PATHS.landing) return <Redirect to={signedIn ? PATHS.orders : PATHS.landing} />;
  return signedIn ? <Redirect to={PATHS.orders} /> : <LandingPage />;
}

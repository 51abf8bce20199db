/** Placeholder until the page is built. */
export function PartnerAppsPage() {
  return <h1>PartnerAppsPage</h1>;
}

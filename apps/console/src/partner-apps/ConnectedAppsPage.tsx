/** Placeholder until the page is built. */
export function ConnectedAppsPage() {
  return <h1>ConnectedAppsPage</h1>;
}

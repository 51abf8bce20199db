/** Placeholder until the page is built. */
export function HeldSettlementsPage() {
  return <h1>HeldSettlementsPage</h1>;
}

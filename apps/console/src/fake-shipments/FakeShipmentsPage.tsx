/** Placeholder until the page is built. */
export function FakeShipmentsPage() {
  return <h1>FakeShipmentsPage</h1>;
}

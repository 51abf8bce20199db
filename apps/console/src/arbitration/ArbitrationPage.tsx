/** Placeholder until the page is built. */
export function ArbitrationPage() {
  return <h1>ArbitrationPage</h1>;
}

/** A seller's money (placeholder until built). */
export function MoneyPage() {
  return <h1>Money</h1>;
}

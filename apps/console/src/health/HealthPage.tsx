/** A store's health (placeholder until built). */
export function HealthPage() {
  return <h1>Health</h1>;
}

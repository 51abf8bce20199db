/** Placeholder until the page is built. */
export function SandboxClockPage() {
  return <h1>SandboxClockPage</h1>;
}

/** Placeholder until the page is built. */
export function ReviewsPage() {
  return <h1>ReviewsPage</h1>;
}

/**
 * A page that is other people's work (operators', sellers', admins'): its heading and, once the
 * viewer is known, who works it. Nothing of it is read for the viewer.
 */
export function NotYourPage({ title, who }: { title: string; who?: string }) {
  return (
    <>
      <h1>{title}</h1>
      {who !== undefined && <p>{who}</p>}
    </>
  );
}

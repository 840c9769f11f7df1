export function LabRoute() {
  return <main className="p-6">OIDC Lab</main>
}

export function CallbackRoute() {
  return <main className="p-6">Callback</main>
}

import { Component, type ErrorInfo, type ReactNode } from 'react'

export interface ErrorBoundaryProps {
  /** What this boundary guards, for the message: "the guided flow", "the inspector"… */
  what: string
  /** Clears what may have caused it (e.g. the saved flow of this tab); the run history is kept. */
  onReset?: () => void
  children: ReactNode
}

interface ErrorBoundaryState {
  error?: Error
}

/** A render-time exception shows what broke and a way out, never a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {}

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // kept in the console for a bug report; nothing leaves the browser
    console.error(error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div
        role="alert"
        data-diagnosis="app_error"
        className="mx-auto my-6 max-w-3xl rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm"
      >
        <p className="font-semibold">
          Something in {this.props.what} broke while drawing the page.
        </p>
        <p className="mt-1 font-mono text-xs break-all">
          {error.name}: {error.message}
        </p>
        <p className="mt-2 text-slate-700">
          Likely cause: a value the lab did not expect (a stored setting, a provider answer). Your
          run history is untouched.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded-md bg-slate-900 px-3 py-1.5 text-xs font-semibold text-white"
            onClick={() => this.setState({ error: undefined })}
          >
            Try again
          </button>
          {this.props.onReset && (
            <button
              type="button"
              className="rounded-md bg-white px-3 py-1.5 text-xs font-semibold ring-1 ring-slate-300"
              onClick={() => {
                this.props.onReset?.()
                this.setState({ error: undefined })
              }}
            >
              Forget this tab’s flow and start over
            </button>
          )}
        </div>
      </div>
    )
  }
}

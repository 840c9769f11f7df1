// first: the stored theme and presenter mode are on <html> before anything renders
import '@/lib/display/apply-stored-display'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@/index.css'
import '@/focus.css'
import { App } from '@/app/app'
import { relayCallbackToOpener } from '@/lib/callback-relay'

// a /callback in the matrix's hidden frame or sign-in popup only reports back: no second app
if (!relayCallbackToOpener(window)) {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

import { fileURLToPath, URL } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { cspPlugin, SECURITY_HEADERS } from './scripts/csp.ts'
import { firstPageGroup } from './scripts/first-page-chunk.ts'
import { staticHostPlugin } from './scripts/static-host.ts'

const MAIN = fileURLToPath(new URL('./src/app/main.tsx', import.meta.url))

// Loopback only: the lab handles secrets and tokens and never needs to be reachable from elsewhere.
export default defineConfig({
  plugins: [react(), tailwindcss(), cspPlugin(), staticHostPlugin()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { host: 'localhost', port: 5173, strictPort: true },
  // the built pages carry their CSP in a meta tag; framing can only be refused by headers
  preview: { host: 'localhost', port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
  build: {
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [firstPageGroup(MAIN)],
        },
      },
    },
  },
})

import type { Plugin } from 'vite'

/**
 * The copies of the built `index.html` a static host needs to serve the lab's second route, the
 * redirect URI `<base>callback`, with no server-side rewrite rule:
 * - `callback.html`: hosts that map `/callback` to `callback.html` (GitHub Pages, Netlify,
 *   Cloudflare Pages, `serve`);
 * - `callback/index.html`: hosts that map a path to its folder's `index.html` (nginx `try_files $uri
 *   $uri/`, S3 websites, Apache);
 * - `404.html`: the "not found" page of GitHub Pages and Netlify, so any other path still shows the
 *   lab (the router sends every path but the callback to the lab page).
 * The pages are identical, assets are referenced from the base (`/oidc-lab/assets/…`), so they work
 * from any folder depth.
 */
export const FALLBACK_PAGES = ['callback.html', 'callback/index.html', '404.html'] as const

export function staticHostPlugin(): Plugin {
  return {
    name: 'oidc-lab:static-host',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      if (index?.type !== 'asset') {
        this.error('the build has no index.html to copy for the callback route')
      }
      for (const fileName of FALLBACK_PAGES) {
        this.emitFile({ type: 'asset', fileName, source: index.source })
      }
    },
  }
}

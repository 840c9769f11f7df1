import { useState } from 'react'
import { AlignedJson } from '@/components/jwt/aligned-json'
import type { DecodedToken } from '@/lib/jwt/decode-jwt'

export interface AlignedTokenViewsProps {
  idToken: DecodedToken | undefined
  accessToken: DecodedToken | undefined
}

/**
 * A toggle that lines the ID token and the access token up claim by claim: what the app learns
 * about the user against what the API is told, with + − ~ marks.
 */
export function AlignedTokenViews({ idToken, accessToken }: AlignedTokenViewsProps) {
  const [aligned, setAligned] = useState(false)
  if (!idToken?.payload || !accessToken?.payload) return null
  return (
    <div className="space-y-2 xl:col-span-2">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={aligned} onChange={(e) => setAligned(e.target.checked)} />
        Align ID token and access token by claim
      </label>
      {aligned && (
        <div className="rounded-xl border border-slate-200 bg-white p-3">
          <p className="mb-2 text-xs text-slate-500">
            <b>+</b> only in the access token, <b>−</b> only in the ID token, <b>~</b> different.
          </p>
          <AlignedJson
            title="ID token and access token aligned"
            leftLabel="ID token"
            rightLabel="Access token"
            left={idToken.payload}
            right={accessToken.payload}
          />
        </div>
      )}
    </div>
  )
}

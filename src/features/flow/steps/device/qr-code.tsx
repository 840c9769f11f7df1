import { useEffect, useState } from 'react'

/** A QR code of `text` as SVG, drawn from the modules (no markup from the library); loaded lazily. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [path, setPath] = useState<{ size: number; d: string }>()
  useEffect(() => {
    let current = true
    void import('qrcode-generator').then(({ default: qrcode }) => {
      const qr = qrcode(0, 'M')
      qr.addData(text)
      qr.make()
      const size = qr.getModuleCount()
      let d = ''
      for (let row = 0; row < size; row++)
        for (let col = 0; col < size; col++) if (qr.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`
      if (current) setPath({ size, d })
    })
    return () => {
      current = false
    }
  }, [text])
  if (!path) return <div className="size-40 rounded bg-slate-100" aria-hidden="true" />
  const { size, d } = path
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`-2 -2 ${size + 4} ${size + 4}`}
      className="size-40 rounded bg-white"
      shapeRendering="crispEdges"
    >
      <path d={d} fill="#0f172a" />
    </svg>
  )
}

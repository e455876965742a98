import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

/**
 * A QR code drawn in the browser as SVG and shown as a `data:` image: nothing leaves the browser (the
 * link may hold a secret: a ticket's, a booking's), and the Content-Security-Policy allows only
 * same-origin and data images.
 */
export function QrImage({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((text) => {
        if (current) setSvg(text)
      })
      .catch(() => {
        if (current) setSvg(null)
      })
    return () => {
      current = false
    }
  }, [url])
  if (!svg) return <div className="qr qr--pending" />
  return <img className="qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={label} />
}

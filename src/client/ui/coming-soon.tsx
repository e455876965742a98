import { useT } from '../i18n/i18n-provider'

/** An honest placeholder: the route exists, the surface is announced, nothing pretends to work. */
export function ComingSoon({ what }: { what: string }) {
  const t = useT()
  return (
    <div className="card">
      <h2>{t('comingSoon.title')}</h2>
      <p>{t('comingSoon.text', { what })}</p>
    </div>
  )
}

import { forgetCode, isKioskTab, rememberCode, useRememberedCode } from '../../features/notebooks/memory'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { QrImage } from '../../ui/qr-image'

/**
 * The notebook's code, the only key to it: in four groups, as a QR code of this page for a phone, to
 * print, and — only if its holder ticks it, on their own device — remembered by this browser.
 */
export function NotebookCodeCard({ code, centre, fresh }: { code: string; centre: string; fresh: boolean }) {
  const t = useT()
  const remembered = useRememberedCode(centre) === code
  const url = `${window.location.origin}/n/${code}`
  return (
    <section
      className="card notebook-code"
      data-fresh={fresh || undefined}
      aria-labelledby="notebook-code-title"
    >
      <h2 id="notebook-code-title">{fresh ? t('notebook.code.freshTitle') : t('notebook.code.title')}</h2>
      <p className="notebook-code__text" translate="no">
        {/* Groups kept whole: on a narrow screen the code breaks between them, never inside one. */}
        {code.split('-').map((group, index, all) => (
          <span key={group + String(index)}>{index < all.length - 1 ? `${group}-` : group}</span>
        ))}
      </p>
      {fresh ? (
        <p className="notebook-code__warning">{t('notebook.code.writeItDown')}</p>
      ) : (
        <p className="muted">{t('notebook.code.keep')}</p>
      )}
      <QrImage url={url} label={t('notebook.code.qrAlt', { code })} />
      <p className="muted notebook-code__scan">{t('notebook.code.scan')}</p>
      <div className="cluster no-print">
        <Button variant={fresh ? 'primary' : 'secondary'} onPress={() => window.print()}>
          {t('notebook.code.print')}
        </Button>
      </div>
      {!isKioskTab() && (
        <div className="field no-print notebook-code__remember">
          <Checkbox
            isSelected={remembered}
            onChange={(on) => (on ? rememberCode(centre, code) : forgetCode(centre))}
          >
            {t('notebook.code.remember')}
          </Checkbox>
          <p className="field__hint">
            {remembered ? t('notebook.code.rememberedHint') : t('notebook.code.rememberHint')}
          </p>
        </div>
      )}
    </section>
  )
}

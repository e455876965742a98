import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { QrImage } from '../../ui/qr-image'

/**
 * A question's code, the only way back to its answer (nobody will contact the visitor): in four groups,
 * as a QR code of the question's page for a phone, and to print. `fresh`: just asked, said loudly.
 */
export function QuestionCodeCard({ code, fresh }: { code: string; fresh: boolean }) {
  const t = useT()
  const url = `${window.location.origin}/q/${code}`
  return (
    <section
      className="card question-code"
      data-fresh={fresh || undefined}
      aria-labelledby="question-code-title"
    >
      <h2 id="question-code-title">{fresh ? t('questions.code.freshTitle') : t('questions.code.title')}</h2>
      <p className="question-code__text" translate="no">
        {/* Groups kept whole: on a narrow screen the code breaks between them, never inside one. */}
        {code.split('-').map((group, index, all) => (
          <span key={group + String(index)}>{index < all.length - 1 ? `${group}-` : group}</span>
        ))}
      </p>
      {fresh ? (
        <p className="question-code__warning">{t('questions.code.writeItDown')}</p>
      ) : (
        <p className="muted">{t('questions.code.keep')}</p>
      )}
      <QrImage url={url} label={t('questions.code.qrAlt', { code })} />
      <p className="muted">{t('questions.code.scan')}</p>
      <div className="cluster no-print">
        <Button variant={fresh ? 'primary' : 'secondary'} onPress={() => window.print()}>
          {t('questions.code.print')}
        </Button>
      </div>
    </section>
  )
}

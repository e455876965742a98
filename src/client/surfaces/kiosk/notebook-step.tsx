import { useCreateNotebook } from '../../features/notebooks/api'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { QrImage } from '../../ui/qr-image'
import { ErrorMessage } from '../../ui/states'
import { KioskHeading } from './kiosk-heading'

type Props = {
  slug: string
  centreName: string
  focus: boolean
  secondsLeft: number | null
  onBack: () => void
  onDone: () => void
}

/**
 * A notebook started at the kiosk. The kiosk is shared, so it never remembers the code: the visitor
 * leaves with it on paper (the 80 mm receipt) or on their phone (the QR code of the notebook's page),
 * and the screen goes back to the start on its own.
 */
export function NotebookStep({ slug, centreName, focus, secondsLeft, onBack, onDone }: Props) {
  const t = useT()
  const create = useCreateNotebook(slug, { shared: true })
  const code = create.data?.code

  if (!code)
    return (
      <div className="kiosk-step">
        <KioskHeading focus={focus}>{t('notebook.kiosk.title')}</KioskHeading>
        <p className="kiosk__lead">{t('notebook.kiosk.text')}</p>
        <p className="kiosk__lead">{t('notebook.kiosk.nothingAsked')}</p>
        {create.isError && <ErrorMessage error={create.error} />}
        <div className="kiosk-needs">
          <Button className="kiosk-choice" isDisabled={create.isPending} onPress={() => create.mutate()}>
            {t('notebook.open.start')}
          </Button>
        </div>
        <div className="kiosk__nav">
          <Button variant="secondary" className="button kiosk__back" onPress={onBack}>
            {t('kiosk.back')}
          </Button>
        </div>
      </div>
    )

  const url = `${window.location.origin}/n/${code}`
  return (
    <div className="kiosk-step kiosk-ticket">
      <KioskHeading focus={focus}>{t('notebook.kiosk.readyTitle')}</KioskHeading>
      <div className="receipt">
        <div className="receipt__main">
          <p className="receipt__centre">{centreName}</p>
          <p className="receipt__label">{t('notebook.code.title')}</p>
          <p className="receipt__code receipt__code--long" translate="no">
            {code}
          </p>
          <p className="receipt__line">{t('notebook.kiosk.keepIt')}</p>
          <p className="receipt__print-only receipt__note">{url}</p>
        </div>
        <figure className="receipt__qr">
          <QrImage url={url} label={t('notebook.code.qrAlt', { code })} />
          <figcaption>{t('notebook.kiosk.scan')}</figcaption>
        </figure>
        <p className="receipt__print-only receipt__note">{t('app.footer')}</p>
      </div>
      <p className="kiosk__lead kiosk-ticket__hint">{t('notebook.kiosk.forgets')}</p>
      <div className="kiosk-ticket__actions">
        <Button className="button kiosk-wide" onPress={() => window.print()}>
          {t('notebook.code.print')}
        </Button>
        <Button variant="secondary" className="button kiosk-wide" onPress={onDone}>
          {t('kiosk.done')}
        </Button>
      </div>
      {secondsLeft !== null && (
        <p className="kiosk__note kiosk-ticket__countdown">{t('kiosk.resetIn', { seconds: secondsLeft })}</p>
      )}
    </div>
  )
}

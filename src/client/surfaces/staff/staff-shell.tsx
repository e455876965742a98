import type { ReactNode } from 'react'
import { Navigate, useLocation, useNavigate, useParams } from 'react-router'
import type { StaffRole } from '../../../shared/constants'
import type { Me } from '../../../shared/schemas/staff'
import { useMe, useSignOut } from '../../features/auth/api'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { ErrorMessage, Loading } from '../../ui/states'

function SignOut({ me }: { me: Me }) {
  const t = useT()
  const navigate = useNavigate()
  const signOut = useSignOut()
  return (
    <div className="cluster">
      <span>{me.name}</span>
      <Button
        variant="secondary"
        onPress={() => signOut.mutate(undefined, { onSuccess: () => navigate('/staff/login') })}
      >
        {t('auth.signOut')}
      </Button>
    </div>
  )
}

/** A staff page: signed-in only; the server checks roles again on every request. */
export function StaffPage({
  title,
  children,
  roles,
}: {
  title: string
  children: (me: Me) => ReactNode
  roles?: readonly StaffRole[]
}) {
  const t = useT()
  const location = useLocation()
  const { centre: slug } = useParams()
  const me = useMe()
  if (me.isPending)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    )
  if (me.isError)
    return (
      <Page title={title}>
        <ErrorMessage error={me.error} />
      </Page>
    )
  if (!me.data) return <Navigate to={`/staff/login?next=${encodeURIComponent(location.pathname)}`} replace />
  const allowed = !roles || !slug || hasCentreRole(me.data, slug, roles)
  return (
    <Page
      title={allowed ? title : t('staff.forbiddenTitle')}
      brand={t('staff.brand')}
      brandTo="/staff"
      nav={<SignOut me={me.data} />}
    >
      {allowed ? children(me.data) : <p>{t('error.forbidden')}</p>}
    </Page>
  )
}

export function hasCentreRole(me: Me, slug: string, roles: readonly StaffRole[]) {
  return (
    me.isNetworkAdmin ||
    Boolean(me.centres.find((c) => c.slug === slug)?.roles.some((role) => roles.includes(role)))
  )
}

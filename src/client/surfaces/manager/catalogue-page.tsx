import { useEffect, useState } from 'react'
import { useLocation, useParams, useSearchParams } from 'react-router'
import { resourceTypes } from '../../../shared/schemas/resources'
import { useAreas, useCentre } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import {
  type Filters,
  filterKeys,
  useCatalogue,
  useDeleteResource,
  useResourceThemes,
} from '../../features/resources/api'
import { useResourceLabels } from '../../features/resources/labels'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import './catalogue.css'
import { ManagerPage } from './manager-layout'

const ANY = '*'

/** The catalogue as staff keep it: filter, find, open a resource to change it, remove one. */
export function CataloguePage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const location = useLocation()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const themes = useResourceThemes(slug)
  const labels = useResourceLabels()
  const text = useLocalized(centre.data?.defaultLanguage)
  const remove = useDeleteResource(slug)
  const [params, setParams] = useSearchParams()
  const filters: Filters = Object.fromEntries(
    filterKeys.flatMap((key) => (params.get(key) ? [[key, params.get(key) ?? '']] : [])),
  )
  const [typed, setTyped] = useState(filters.q ?? '')
  const [notice, setNotice] = useState<string | null>(
    (location.state as { saved?: string } | null)?.saved
      ? t('resources.saved', { title: (location.state as { saved: string }).saved })
      : null,
  )
  useEffect(() => {
    if (typed === (params.get('q') ?? '')) return
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params)
      if (typed.trim()) next.set('q', typed)
      else next.delete('q')
      setParams(next, { replace: true })
    }, 250)
    return () => clearTimeout(timer)
  }, [typed, params, setParams])
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value && value !== ANY) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }
  const list = useCatalogue(slug, filters)
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  const total = list.data?.pages[0]?.total ?? 0
  const areaName = (id: string) => text(areas.data?.find((a) => a.id === id)?.name)
  const any = { id: ANY, label: t('resources.filter.any') }

  return (
    <ManagerPage title={t('resources.nav.catalogue')} alsoFor={['partner_coordinator']}>
      <p className="muted">{t('resources.catalogueIntro')}</p>
      <div className="cluster">
        <ButtonLink to="new">{t('resources.add')}</ButtonLink>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {remove.isError && <ErrorMessage error={remove.error} />}
      <search className="card spaced catalogue-filters">
        <form onSubmit={(event) => event.preventDefault()} className="field-row">
          <TextField
            label={t('resources.catalogueSearch')}
            value={typed}
            onChange={setTyped}
            maxLength={200}
          />
          <SelectField
            label={t('resources.filter.type')}
            value={filters.type ?? ANY}
            onChange={(value) => setFilter('type', value)}
            options={[any, ...resourceTypes.map((id) => ({ id, label: labels.type(id) }))]}
          />
          <SelectField
            label={t('resources.filter.area')}
            value={filters.area ?? ANY}
            onChange={(value) => setFilter('area', value)}
            options={[any, ...(areas.data ?? []).map((a) => ({ id: a.slug, label: text(a.name) }))]}
          />
          <SelectField
            label={t('resources.filter.theme')}
            value={filters.theme ?? ANY}
            onChange={(value) => setFilter('theme', value)}
            options={[any, ...(themes.data ?? []).map((th) => ({ id: th.slug, label: text(th.name) }))]}
          />
        </form>
      </search>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState
          title={Object.keys(filters).length ? t('resources.noResultsTitle') : t('resources.noneTitle')}
        >
          <p>{Object.keys(filters).length ? t('resources.noResultsText') : t('resources.noneText')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted spaced" aria-live="polite">
            {t('resources.resultCount', { count: total })}
          </p>
          <table className="table">
            <caption className="visually-hidden">{t('resources.nav.catalogue')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('resources.col.title')}</th>
                <th scope="col">{t('resources.filter.type')}</th>
                <th scope="col">{t('resources.col.where')}</th>
                <th scope="col">{t('resources.filter.area')}</th>
                <th scope="col">{t('resources.col.partner')}</th>
                <th scope="col">{t('manager.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.title}</td>
                  <td>{labels.type(item.type)}</td>
                  <td>
                    {item.shelf && <div>{item.shelf}</div>}
                    {item.url && <div className="muted">{t('resources.online')}</div>}
                  </td>
                  <td>{item.areaIds.map(areaName).join(', ')}</td>
                  <td>{item.partner?.name ?? t('resources.byCentre')}</td>
                  <td>
                    <span className="cluster">
                      <ButtonLink
                        variant="secondary"
                        to={item.id}
                        aria-label={
                          item.canEdit
                            ? t('resources.editNamed', { title: item.title })
                            : t('resources.viewNamed', { title: item.title })
                        }
                      >
                        {item.canEdit ? t('manager.edit') : t('resources.view')}
                      </ButtonLink>
                      {item.canEdit && (
                        <Button
                          variant="danger"
                          aria-label={t('resources.removeNamed', { title: item.title })}
                          onPress={() => {
                            if (window.confirm(t('resources.confirmRemove', { title: item.title })))
                              remove.mutate(item.id, {
                                onSuccess: () => setNotice(t('resources.removed', { title: item.title })),
                              })
                          }}
                        >
                          {t('manager.remove')}
                        </Button>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.hasNextPage && (
            <Button
              variant="secondary"
              onPress={() => list.fetchNextPage()}
              isDisabled={list.isFetchingNextPage}
            >
              {t('resources.showMore')}
            </Button>
          )}
        </>
      )}
    </ManagerPage>
  )
}

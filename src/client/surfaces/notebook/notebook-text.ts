import type { Notebook } from '../../../shared/schemas/notebooks'
import type { Translate } from '../../i18n/i18n-provider'
import { itemKindOrder, itemPath } from './item-path'

const kindTitle = {
  occupation: 'notebook.kind.occupation',
  training: 'notebook.kind.training',
  resource: 'notebook.kind.resource',
  event: 'notebook.kind.event',
  booking: 'notebook.kind.booking',
  service: 'notebook.kind.service',
} as const

const mark = { todo: '[ ]', doing: '[~]', done: '[x]' } as const

/**
 * The notebook as a plain text file, made in the browser from what the page already has: its code,
 * what it keeps (with the address of each thing), the notes, the plan and the counsellors' summaries.
 */
export function notebookText(options: {
  notebook: Notebook
  code: string
  centreName: string
  origin: string
  t: Translate
  formatDate: (iso: string) => string
}): string {
  const { notebook, code, origin, t, formatDate } = options
  const lines: string[] = [
    t('notebook.download.heading', { centre: options.centreName }),
    t('notebook.download.code', { code }),
    `${origin}/n/${code}`,
  ]
  lines.push(t('notebook.download.madeOn', { date: formatDate(new Date().toISOString()) }), '')
  const section = (title: string) => lines.push('', title, '='.repeat(title.length))

  section(t('notebook.items.title'))
  if (notebook.items.length === 0) lines.push(t('notebook.download.nothing'))
  for (const kind of itemKindOrder) {
    const items = notebook.items.filter((item) => item.kind === kind)
    if (items.length === 0) continue
    lines.push('', t(kindTitle[kind]))
    for (const item of items) {
      lines.push(`- ${item.title} — ${origin}${itemPath(notebook.centre, item)}`)
      if (item.note) lines.push(`  ${item.note}`)
    }
  }

  section(t('notebook.notes.title'))
  lines.push(notebook.notes || t('notebook.download.nothing'))

  section(t('notebook.plan.title'))
  if (notebook.plan.length === 0) lines.push(t('notebook.download.nothing'))
  for (const step of notebook.plan)
    lines.push(
      `${mark[step.status]} ${step.text}${step.due ? ` (${t('notebook.plan.dueOn', { date: step.due })})` : ''}`,
    )

  section(t('notebook.summaries.title'))
  if (notebook.summaries.length === 0) lines.push(t('notebook.download.nothing'))
  for (const summary of notebook.summaries) lines.push('', formatDate(summary.at), summary.text)

  return `${lines.join('\n')}\n`
}

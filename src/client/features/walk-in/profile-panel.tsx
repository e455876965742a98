import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { MessageKey } from '../../../shared/i18n/messages'
import {
  ageBands,
  educationLevels,
  firstVisitAnswers,
  referralSources,
  situations,
  type VisitProfile,
  visitProfileSchema,
} from '../../../shared/schemas/profiles'
import { useT } from '../../i18n/i18n-provider'
import { api } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage } from '../../ui/states'

const questions = [
  ['ageBand', ageBands],
  ['situation', situations],
  ['education', educationLevels],
  ['firstVisit', firstVisitAnswers],
  ['heardFrom', referralSources],
] as const

const blank: VisitProfile = {
  ageBand: 'no_answer',
  situation: 'no_answer',
  education: 'no_answer',
  firstVisit: 'no_answer',
  heardFrom: 'no_answer',
}

/**
 * The visit's profile, asked only with the visitor's agreement: five questions in coarse bands, each with
 * "no answer". Folded away by default — most visits have none.
 */
export function ProfilePanel({ ticketId }: { ticketId: string }) {
  const t = useT()
  const client = useQueryClient()
  const key = ['visit-profile', ticketId]
  const saved = useQuery({
    queryKey: key,
    queryFn: () => api(`/tickets/${ticketId}/profile`, visitProfileSchema.nullable()),
  })
  const save = useMutation({
    mutationFn: (input: VisitProfile) =>
      api(`/tickets/${ticketId}/profile`, visitProfileSchema, { method: 'PUT', body: input }),
    onSuccess: (profile) => client.setQueryData(key, profile),
  })
  const [draft, setDraft] = useState<VisitProfile | null>(null)
  const value = draft ?? saved.data ?? blank
  return (
    <details className="profile-panel">
      <summary>{saved.data ? t('profile.titleGiven') : t('profile.title')}</summary>
      <div className="stack">
        <p className="muted">{t('profile.consent')}</p>
        {save.isError && <ErrorMessage error={save.error} />}
        {save.isSuccess && !draft && <Alert tone="success">{t('profile.saved')}</Alert>}
        <div className="field-row">
          {questions.map(([question, answers]) => (
            <SelectField
              key={question}
              label={t(`profile.question.${question}`)}
              options={answers.map((answer) => ({
                id: answer,
                label: t(`profile.${question}.${answer}` as MessageKey),
              }))}
              value={value[question]}
              onChange={(answer) => setDraft({ ...value, [question]: answer })}
            />
          ))}
        </div>
        <div>
          <Button
            variant="secondary"
            isDisabled={save.isPending}
            onPress={() => save.mutate(value, { onSuccess: () => setDraft(null) })}
          >
            {t('profile.save')}
          </Button>
        </div>
      </div>
    </details>
  )
}

import { type FormEvent, useState } from 'react'
import { useIntl } from 'react-intl'
import {
  NOTEBOOK_LIMITS,
  type NotebookPlanInput,
  notebookPlanInputSchema,
  type PlanStep,
  planStepStatuses,
} from '../../../shared/schemas/notebooks'
import { useSavePlan } from '../../features/notebooks/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { TextField } from '../../ui/text-field'

type Steps = NotebookPlanInput['steps']

const statusLabel = {
  todo: 'notebook.plan.status.todo',
  doing: 'notebook.plan.status.doing',
  done: 'notebook.plan.status.done',
} as const

const asInput = (plan: PlanStep[]): Steps =>
  plan.map(({ id, text, status, due }) => ({ id, text, status, due }))

/**
 * The visitor's action plan: steps in their own words, each to do, under way or done, with a date they
 * choose if they want one, in the order they choose. Every change saves the whole plan.
 */
export function NotebookPlan({ code, plan }: { code: string; plan: PlanStep[] }) {
  const t = useT()
  const intl = useIntl()
  const save = useSavePlan(code)
  const [text, setText] = useState('')
  const [due, setDue] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const steps = asInput(plan)
  const full = plan.length >= NOTEBOOK_LIMITS.steps

  const send = (next: Steps, onSuccess?: () => void) => {
    setMessage(null)
    save.mutate(next, {
      ...(onSuccess ? { onSuccess } : {}),
      onError: (failure) => {
        const answer = errorsFromApi(failure, t)
        setErrors(answer.fields)
        setMessage(answer.message)
      },
    })
  }

  const add = (event: FormEvent) => {
    event.preventDefault()
    const step = { text, status: 'todo' as const, due: due || null }
    const checked = validate(notebookPlanInputSchema, { steps: [...steps, step] }, t)
    const index = steps.length
    const own = {
      text: fieldError(checked.errors ?? {}, `steps.${index}.text`),
      due: fieldError(checked.errors ?? {}, `steps.${index}.due`),
    }
    setErrors(Object.fromEntries(Object.entries(own).filter(([, value]) => value)) as FieldErrors)
    if (!checked.data)
      return setMessage(own.text || own.due ? null : (checked.errors?.steps ?? t('error.validation')))
    send(checked.data.steps, () => {
      setText('')
      setDue('')
      setErrors({})
    })
  }

  const move = (from: number, to: number) => {
    const next = [...steps]
    const [step] = next.splice(from, 1)
    if (step) next.splice(to, 0, step)
    send(next)
  }
  const change = (index: number, patch: Partial<Steps[number]>) =>
    send(steps.map((step, i) => (i === index ? { ...step, ...patch } : step)))

  return (
    <section className="notebook-section" aria-labelledby="notebook-plan-title">
      <h2 id="notebook-plan-title">{t('notebook.plan.title')}</h2>
      <p className="muted no-print">{t('notebook.plan.intro')}</p>
      {message && <Alert tone="error">{message}</Alert>}
      {plan.length === 0 ? (
        <p className="muted">{t('notebook.plan.empty')}</p>
      ) : (
        <ol className="notebook-plan">
          {plan.map((step, index) => {
            const number = index + 1
            return (
              <li key={step.id} className="notebook-step" data-status={step.status}>
                <div className="notebook-step__what">
                  <p className="notebook-step__text">{step.text}</p>
                  <p className="muted notebook-step__meta">
                    <span className="print-only">{t(statusLabel[step.status])} · </span>
                    {step.due
                      ? t('notebook.plan.dueOn', {
                          date: intl.formatDate(new Date(`${step.due}T12:00:00`), { dateStyle: 'long' }),
                        })
                      : t('notebook.plan.noDate')}
                  </p>
                </div>
                <div className="notebook-step__tools no-print">
                  <SelectField
                    label={t('notebook.plan.statusOf', { number })}
                    value={step.status}
                    onChange={(status) =>
                      status !== step.status && change(index, { status: status as PlanStep['status'] })
                    }
                    options={planStepStatuses.map((status) => ({
                      id: status,
                      label: t(statusLabel[status]),
                    }))}
                  />
                  <div className="cluster notebook-step__buttons">
                    <Button
                      variant="quiet"
                      aria-label={t('notebook.plan.upNamed', { number })}
                      isDisabled={index === 0 || save.isPending}
                      onPress={() => move(index, index - 1)}
                    >
                      {t('notebook.plan.up')}
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t('notebook.plan.downNamed', { number })}
                      isDisabled={index === plan.length - 1 || save.isPending}
                      onPress={() => move(index, index + 1)}
                    >
                      {t('notebook.plan.down')}
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t('notebook.plan.removeNamed', { number })}
                      isDisabled={save.isPending}
                      onPress={() => send(steps.filter((_, i) => i !== index))}
                    >
                      {t('notebook.plan.remove')}
                    </Button>
                  </div>
                </div>
              </li>
            )
          })}
        </ol>
      )}
      {full ? (
        <p className="muted no-print">{t('notebook.plan.full', { max: NOTEBOOK_LIMITS.steps })}</p>
      ) : (
        <form className="notebook-plan__add no-print" onSubmit={add}>
          <h3>{t('notebook.plan.addTitle')}</h3>
          <div className="field-row">
            <TextField
              label={t('notebook.plan.stepLabel')}
              hint={t('notebook.plan.stepHint')}
              value={text}
              onChange={setText}
              error={fieldError(errors, 'text') ?? fieldError(errors, `steps.${steps.length}.text`)}
              maxLength={NOTEBOOK_LIMITS.step}
              autoComplete="off"
            />
            <TextField
              label={t('notebook.plan.dueLabel')}
              type="date"
              value={due}
              onChange={setDue}
              error={fieldError(errors, 'due') ?? fieldError(errors, `steps.${steps.length}.due`)}
            />
          </div>
          <Button type="submit" variant="secondary" isDisabled={save.isPending}>
            {t('notebook.plan.add')}
          </Button>
        </form>
      )}
    </section>
  )
}

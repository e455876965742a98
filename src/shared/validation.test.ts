import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { messages } from './i18n/messages'
import {
  areaInputSchema,
  centreInputSchema,
  closureInputSchema,
  deskInputSchema,
  weeklyHoursInputSchema,
} from './schemas/centres'
import { addStaffInputSchema } from './schemas/staff'
import { describeIssue, type IssueLike, z } from './validation'

type Issue = IssueLike & { path: PropertyKey[] }

/** Like the server's validationError: the first issue per field, as a catalogue key and ICU values. */
function fieldErrors(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input)
  if (result.success) return {}
  const fields: Record<string, ReturnType<typeof describeIssue>> = {}
  for (const issue of result.error.issues as Issue[])
    fields[issue.path.map(String).join('.')] ??= describeIssue(issue)
  return fields
}

const render = (locale: 'fr' | 'en', { key, values }: ReturnType<typeof describeIssue>) =>
  String(
    new IntlMessageFormat((messages[locale] as Record<string, string>)[key] ?? key, locale).format(values),
  )

const validArea = {
  slug: 'trouver-emploi',
  name: { fr: 'Trouver un emploi' },
  colour: '#2e7d4f',
  pictogram: 'briefcase',
  ticketLetter: 'E',
}

describe('schema messages are catalogue keys', () => {
  it('says a missing field is required', () => {
    const { slug: _slug, ...withoutSlug } = validArea
    expect(fieldErrors(areaInputSchema, withoutSlug)).toEqual({
      slug: { key: 'validation.required', values: {} },
    })
    expect(fieldErrors(deskInputSchema, { name: '   ' })).toEqual({
      name: { key: 'validation.required', values: { minimum: 1 } },
    })
  })

  it('gives length limits with their value, which the message then shows', () => {
    const short = fieldErrors(areaInputSchema, { ...validArea, slug: 'a' })
    expect(short).toEqual({ slug: { key: 'validation.tooSmall.string', values: { minimum: 2 } } })
    expect(render('en', short.slug ?? { key: '', values: {} })).toBe('At least 2 characters.')
    expect(render('fr', short.slug ?? { key: '', values: {} })).toBe('Au moins 2 caractères.')

    const long = fieldErrors(deskInputSchema, { name: 'x'.repeat(61) })
    expect(long).toEqual({ name: { key: 'validation.tooBig.string', values: { maximum: 60 } } })
    expect(render('en', long.name ?? { key: '', values: {} })).toBe('At most 60 characters.')

    expect(fieldErrors(areaInputSchema, { ...validArea, position: -1 })).toEqual({
      position: { key: 'validation.tooSmall.number', values: { minimum: 0 } },
    })
    expect(
      fieldErrors(centreInputSchema, {
        slug: 'lyon',
        name: { fr: 'Lyon' },
        timezone: 'Europe/Paris',
        languages: [],
        defaultLanguage: 'fr',
      }),
    ).toMatchObject({ languages: { key: 'validation.tooSmall.array', values: { minimum: 1 } } })
  })

  it('uses the specific keys of each field', () => {
    expect(
      fieldErrors(areaInputSchema, {
        ...validArea,
        slug: 'Pas Bon',
        colour: 'green',
        ticketLetter: '42',
        pictogram: 'unicorn',
        name: { fr: '  ' },
      }),
    ).toEqual({
      slug: { key: 'validation.slug', values: {} },
      colour: { key: 'validation.colour', values: {} },
      ticketLetter: { key: 'validation.ticketLetter', values: {} },
      pictogram: { key: 'validation.invalidValue', values: {} },
      name: { key: 'validation.localizedRequired', values: {} },
    })
    expect(fieldErrors(addStaffInputSchema, { email: 'nope', name: 'Camille', role: 'reception' })).toEqual({
      email: { key: 'validation.format.email', values: {} },
    })
    expect(fieldErrors(deskInputSchema, { name: 'Bureau', areaIds: ['x'] })).toEqual({
      'areaIds.0': { key: 'validation.format.uuid', values: {} },
    })
  })

  it('puts cross-field rules on the field to correct', () => {
    expect(
      fieldErrors(centreInputSchema, {
        slug: 'lyon',
        name: { fr: 'Lyon' },
        timezone: 'Mars/Olympus',
        languages: ['en'],
        defaultLanguage: 'fr',
      }),
    ).toEqual({
      timezone: { key: 'validation.timezone', values: {} },
      defaultLanguage: { key: 'validation.defaultLanguageOffered', values: {} },
    })
    expect(fieldErrors(closureInputSchema, { startsOn: '2026-12-26', endsOn: '2026-12-24' })).toEqual({
      endsOn: { key: 'validation.endsAfterStarts', values: {} },
    })
    expect(fieldErrors(closureInputSchema, { startsOn: '26/12/2026', endsOn: '2026-12-24' })).toMatchObject({
      startsOn: { key: 'validation.date' },
    })
    expect(
      fieldErrors(weeklyHoursInputSchema, {
        spans: [
          { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
          { weekday: 1, opensAt: '11:00', closesAt: '13:00' },
          { weekday: 2, opensAt: '18:00', closesAt: '08:00' },
          { weekday: 3, opensAt: '9h00', closesAt: '12:00' },
        ],
      }),
    ).toEqual({
      'spans.1.opensAt': { key: 'validation.overlap', values: {} },
      'spans.2.closesAt': { key: 'validation.closesAfterOpens', values: {} },
      'spans.3.opensAt': { key: 'validation.time', values: {} },
    })
  })

  it('rejects a value that is not an object without running cross-field rules on it', () => {
    for (const schema of [centreInputSchema, closureInputSchema, weeklyHoursInputSchema]) {
      expect(schema.safeParse(null).success).toBe(false)
    }
  })

  it('trims an email before checking it', () => {
    expect(
      addStaffInputSchema.parse({ email: ' new@staff.example ', name: 'N', role: 'reception' }).email,
    ).toBe('new@staff.example')
  })

  it('accepts valid input and normalises it', () => {
    const parsed = areaInputSchema.parse({ ...validArea, ticketLetter: ' e ' })
    expect(parsed).toMatchObject({ ticketLetter: 'E', position: 0, description: {} })
  })
  it('refuses text PostgreSQL cannot store: a NUL character, half a surrogate pair', () => {
    const refused = { name: { key: 'validation.invalidCharacters', values: {} } }
    expect(fieldErrors(deskInputSchema, { name: 'Bureau\u0000' })).toEqual(refused)
    expect(fieldErrors(deskInputSchema, { name: 'Bureau \uD800' })).toEqual(refused)
    expect(fieldErrors(deskInputSchema, { name: '\uDC00 Bureau' })).toEqual(refused)
    expect(fieldErrors(deskInputSchema, { name: 'Bureau 𝖟🙂' })).toEqual({})
  })
})

describe('describeIssue', () => {
  it('never passes on a message that is not a validation key', () => {
    expect(describeIssue({ message: 'Invalid input: expected string' })).toEqual({
      key: 'validation.invalid',
      values: {},
    })
  })

  it('carries minimum, maximum (numbers and bigints) and unknown keys as ICU values', () => {
    expect(
      describeIssue({ message: 'validation.tooBig.number', maximum: BigInt(10), minimum: 'not a number' }),
    ).toEqual({ key: 'validation.tooBig.number', values: { maximum: 10 } })
    const unknown = describeIssue({ message: 'validation.unrecognizedKeys', keys: ['colour', 'size'] })
    expect(unknown).toEqual({ key: 'validation.unrecognizedKeys', values: { keys: 'colour, size' } })
    expect(render('en', unknown)).toBe('Unknown fields: colour, size.')
  })

  it('reports unknown keys of a strict object', () => {
    const strict = z.strictObject({ name: z.string() })
    expect(fieldErrors(strict, { name: 'a', colour: 'red' })).toEqual({
      '': { key: 'validation.unrecognizedKeys', values: { keys: 'colour' } },
    })
  })
})

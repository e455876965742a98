import { describe, expect, it } from 'vitest'
import { canonicalQuestionCode, questionPath } from './code'

describe('a question code as typed', () => {
  it('reads case, spaces, dashes and look-alike letters as the server does', () => {
    expect(canonicalQuestionCode('7kqm 2xr9 ht4d pa3c')).toBe('7KQM-2XR9-HT4D-PA3C')
    expect(canonicalQuestionCode('7KQM2XR9HT4DPA3C')).toBe('7KQM-2XR9-HT4D-PA3C')
    expect(canonicalQuestionCode('oooo-iiii-llll-0000')).toBe('0000-1111-1111-0000')
  })

  it('refuses what cannot be a code', () => {
    expect(canonicalQuestionCode('')).toBeNull()
    expect(canonicalQuestionCode('7KQM-2XR9-HT4D')).toBeNull()
    expect(canonicalQuestionCode('7KQM-2XR9-HT4D-PA3U')).toBeNull()
  })

  it('leads to the question page, canonical when it can be', () => {
    expect(questionPath(' 7kqm-2xr9-ht4d-pa3c ')).toBe('/q/7KQM-2XR9-HT4D-PA3C')
    expect(questionPath('a/b')).toBe('/q/a%2Fb')
  })
})

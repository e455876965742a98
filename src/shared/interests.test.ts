import { describe, expect, it } from 'vitest'
import {
  type InterestAnswer,
  type InterestItemId,
  interestItems,
  MAX_INTEREST_SCORE,
  riasecLetters,
  scoreInterests,
} from './interests'

/** Every statement of a letter answered the same way. */
function answering(byLetter: Partial<Record<string, InterestAnswer>>) {
  return Object.fromEntries(
    interestItems.flatMap((item) => {
      const answer = byLetter[item.letter]
      return answer ? [[item.id, answer]] : []
    }),
  ) as Partial<Record<InterestItemId, InterestAnswer>>
}

describe('interest statements', () => {
  it('has five distinct statements per interest, interleaved', () => {
    expect(interestItems).toHaveLength(30)
    expect(new Set(interestItems.map((item) => item.id)).size).toBe(30)
    for (const letter of riasecLetters)
      expect(interestItems.filter((item) => item.letter === letter)).toHaveLength(5)
    expect(interestItems.slice(0, 6).map((item) => item.letter)).toEqual([...riasecLetters])
    expect(MAX_INTEREST_SCORE).toBe(10)
  })
})

describe('scoreInterests', () => {
  it('counts 2 for liked, 1 for not sure, 0 for not for me', () => {
    const { scores, code } = scoreInterests({ ...answering({ S: 'like', A: 'unsure' }), r1: 'dislike' })
    expect(scores).toEqual({ R: 0, I: 0, A: 5, S: 10, E: 0, C: 0 })
    expect(code).toBe('SA')
  })

  it('keeps the three strongest, ties broken in R-I-A-S-E-C order', () => {
    const answers = { ...answering({ S: 'like', A: 'like', C: 'like', E: 'like' }), s1: 'unsure' as const }
    const { scores, code } = scoreInterests(answers)
    expect(scores).toMatchObject({ S: 9, A: 10, E: 10, C: 10 })
    expect(code).toBe('AEC')
    expect(scoreInterests(answering({ R: 'unsure', I: 'unsure', A: 'unsure', S: 'unsure' })).code).toBe('RIA')
  })

  it('gives no code when nothing was liked, and ignores unanswered statements', () => {
    expect(scoreInterests(answering({ R: 'dislike', I: 'dislike' })).code).toBe('')
    expect(scoreInterests({})).toEqual({ scores: { R: 0, I: 0, A: 0, S: 0, E: 0, C: 0 }, code: '' })
    expect(scoreInterests({ e3: 'like' }).code).toBe('E')
  })
})

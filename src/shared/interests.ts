/**
 * The interest explorer's statements and scoring. The statements are the project's own (the O*NET
 * Interest Profiler items are not licensed for reuse); their words live in the message catalogues
 * under `interests.item.<id>`. Scoring runs in the visitor's browser: the answers never leave it.
 */

/** Holland's six interests, in their conventional order, which also breaks ties. */
export const riasecLetters = ['R', 'I', 'A', 'S', 'E', 'C'] as const
export type RiasecLetter = (typeof riasecLetters)[number]

export const interestAnswers = ['like', 'unsure', 'dislike'] as const
export type InterestAnswer = (typeof interestAnswers)[number]

const POINTS: Record<InterestAnswer, number> = { like: 2, unsure: 1, dislike: 0 }

/** The statements, interleaved so that no interest comes in a row: R, I, A, S, E, C, then again. */
export const interestItems = [1, 2, 3, 4, 5].flatMap((n) =>
  riasecLetters.map((letter) => ({ id: `${letter.toLowerCase()}${n}` as InterestItemId, letter })),
)
export type InterestItemId = `${Lowercase<RiasecLetter>}${1 | 2 | 3 | 4 | 5}`

/** The most an interest can score: every one of its statements liked. */
export const MAX_INTEREST_SCORE = (interestItems.length / riasecLetters.length) * POINTS.like

/** The longest code the explorer gives and the suggestions search for. */
export const INTEREST_CODE_LENGTH = 3

export type InterestProfile = {
  scores: Record<RiasecLetter, number>
  /** The strongest interests, strongest first (`SAE`); empty when nothing was liked even a little. */
  code: string
}

/**
 * Points per interest (liked 2, not sure 1, not for me or unanswered 0) and the code: the three
 * strongest interests that scored at all, ties broken in R-I-A-S-E-C order.
 */
export function scoreInterests(answers: Partial<Record<InterestItemId, InterestAnswer>>): InterestProfile {
  const scores = Object.fromEntries(riasecLetters.map((letter) => [letter, 0])) as Record<
    RiasecLetter,
    number
  >
  for (const item of interestItems) {
    const answer = answers[item.id]
    if (answer) scores[item.letter] += POINTS[answer]
  }
  const code = riasecLetters
    .filter((letter) => scores[letter] > 0)
    // Array.prototype.sort is stable: equal scores keep the R-I-A-S-E-C order.
    .sort((a, b) => scores[b] - scores[a])
    .slice(0, INTEREST_CODE_LENGTH)
    .join('')
  return { scores, code }
}

import { z } from '../validation'

/**
 * A visit profile, in coarse bands only, given with the visitor's agreement; every question may be left
 * unanswered (`no_answer`, or simply absent).
 */
export const ageBands = [
  'under_16',
  '16_25',
  '26_35',
  '36_45',
  '46_55',
  '56_65',
  'over_65',
  'no_answer',
] as const
export const situations = [
  'pupil_student',
  'job_seeker',
  'employed',
  'self_employed',
  'other',
  'no_answer',
] as const
export const educationLevels = [
  'no_diploma',
  'secondary',
  'upper_secondary',
  'higher_short',
  'higher_long',
  'no_answer',
] as const
export const firstVisitAnswers = ['yes', 'no', 'no_answer'] as const
export const referralSources = [
  'word_of_mouth',
  'partner',
  'school',
  'internet',
  'social_media',
  'event',
  'passing_by',
  'other',
  'no_answer',
] as const

export const visitProfileInputSchema = z.object({
  ageBand: z.enum(ageBands).default('no_answer'),
  situation: z.enum(situations).default('no_answer'),
  education: z.enum(educationLevels).default('no_answer'),
  firstVisit: z.enum(firstVisitAnswers).default('no_answer'),
  heardFrom: z.enum(referralSources).default('no_answer'),
})
export type VisitProfileInput = z.input<typeof visitProfileInputSchema>
export const visitProfileSchema = visitProfileInputSchema.required().meta({ id: 'VisitProfile' })
export type VisitProfile = z.infer<typeof visitProfileSchema>

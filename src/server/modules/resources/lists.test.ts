import { describe, expect, it } from 'vitest'
import { audiences, resourceTypes } from '../../../shared/schemas/resources'
import { AUDIENCES, RESOURCE_TYPES } from '../../db/schema/resources'

describe('resource types and audiences', () => {
  it('are the same lists in the shared schemas as in the database checks', () => {
    expect([...resourceTypes]).toEqual([...RESOURCE_TYPES])
    expect([...audiences]).toEqual([...AUDIENCES])
  })
})

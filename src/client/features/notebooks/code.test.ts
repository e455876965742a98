import { describe, expect, it } from 'vitest'
import { parseSaveParam, saveParam } from './api'
import { canonicalNotebookCode, notebookPath, openNotebookPath } from './code'

describe('notebook codes as typed', () => {
  it('reads a code typed loosely as the server does, and refuses what cannot be one', () => {
    expect(canonicalNotebookCode('7kqm 2xr9 ht4d pa3c')).toBe('7KQM-2XR9-HT4D-PA3C')
    expect(canonicalNotebookCode(' 7KQM-2XR9-HT4D-PA3C ')).toBe('7KQM-2XR9-HT4D-PA3C')
    // O read as 0, I and L as 1: the letters people confuse.
    expect(canonicalNotebookCode('OOOO-IIII-LLLL-2222')).toBe('0000-1111-1111-2222')
    expect(canonicalNotebookCode('7KQM-2XR9-HT4D')).toBeNull()
    expect(canonicalNotebookCode('7KQM-2XR9-HT4D-PA3U')).toBeNull()
    expect(notebookPath('7kqm2xr9ht4dpa3c')).toBe('/n/7KQM-2XR9-HT4D-PA3C')
  })

  it('carries what to save through the door page and back, colons and all', () => {
    const occupation = { kind: 'occupation' as const, ref: 'esco:http://data.europa.eu/esco/occupation/1' }
    const path = openNotebookPath('paris', saveParam(occupation))
    expect(path).toBe(`/c/paris/notebook?save=${encodeURIComponent(saveParam(occupation))}`)
    const back = new URL(path, 'http://cite.test').searchParams.get('save')
    expect(parseSaveParam(back)).toEqual(occupation)
    expect(parseSaveParam('resource:')).toBeNull()
    expect(parseSaveParam('ticket:E-042')).toBeNull()
    expect(parseSaveParam(null)).toBeNull()
  })
})

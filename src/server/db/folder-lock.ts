import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** The embedded database is used by one process at a time: a second opener would corrupt it. */
export class FolderInUseError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes `<folder>/cite.lock` for this process, like PostgreSQL's postmaster.pid: the embedded database
 * has no server in front of it, so two processes opening one folder (the server and a `cdm` command, or
 * two servers) would both write and leave it unreadable. A lock left by a process that no longer runs
 * (killed, or the machine stopped) is taken over. Answers the function that releases it.
 */
export function lockFolder(folder: string): () => void {
  const path = join(folder, 'cite.lock')
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      let released = false
      const release = () => {
        if (released) return
        released = true
        process.off('exit', release)
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path)
        } catch {
          // Already gone.
        }
      }
      process.on('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let holder = Number.NaN
    try {
      holder = Number.parseInt(readFileSync(path, 'utf8'), 10)
    } catch {
      continue
    }
    if (Number.isInteger(holder) && holder > 0 && alive(holder))
      throw new FolderInUseError(
        `The embedded database in ${folder} is in use by process ${holder} (a running Cité?). Stop it first, ` +
          'or run this on a PostgreSQL server (DATABASE_URL). If no Cité is running, remove ' +
          `${path}.`,
      )
    // A stale lock: moved aside atomically, so that of two processes taking it over only one succeeds.
    try {
      renameSync(path, `${path}.stale-${process.pid}`)
      unlinkSync(`${path}.stale-${process.pid}`)
    } catch {
      // Another process took it over first: try again.
    }
  }
  throw new FolderInUseError(`Could not lock the embedded database in ${folder}.`)
}

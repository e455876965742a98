/**
 * Preloaded by `bench/call-latency.ts` into each server it starts (`--expose-gc --import` this file,
 * with an IPC channel), so that memory per connection is read after a full collection rather than with
 * whatever garbage the last requests left: on `memory`, it collects twice and answers with the
 * process's figures. It touches nothing else; the server does not know it is there.
 */
export type MemoryFigures = {
  type: 'memory'
  rss: number
  heapUsed: number
  external: number
  arrayBuffers: number
}

process.on('message', (message) => {
  if (message !== 'memory') return
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage()
  process.send?.({ type: 'memory', rss, heapUsed, external, arrayBuffers } satisfies MemoryFigures)
})
// The channel must neither keep a stopping server alive nor outlive the benchmark.
process.channel?.unref()
process.on('disconnect', () => process.exit(0))

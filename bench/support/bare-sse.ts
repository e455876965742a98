import { createServer, type ServerResponse } from 'node:http'

/**
 * The floor for `bench/call-latency.ts`: the least a Node process can do to broadcast a call over
 * Server-Sent Events. GET /live keeps the response open; POST /call writes one `call` event, shaped
 * like Cité's, to every open response, then answers with the code it announced. Anything else is 200,
 * so the benchmark waits for it the way it waits for /readyz. Run as `node --import tsx bare-sse.ts <port>`.
 */
const port = Number(process.argv[2])
const streams = new Set<ServerResponse>()
let calls = 0

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/live') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })
    res.write('retry: 2000\n\nevent: queue\ndata: {"areas":[]}\n\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
  } else if (req.method === 'POST' && req.url === '/call') {
    calls += 1
    const code = `B-${String(calls).padStart(3, '0')}`
    const data = { code, desk: 'Bureau 1', area: 'emploi', recall: false, at: new Date().toISOString() }
    const event = `id: ${calls}\nevent: call\ndata: ${JSON.stringify(data)}\n\n`
    for (const stream of streams) stream.write(event)
    // Node flushes those writes on the next tick, and would send this answer first: answer once they have
    // left, as Cité does (a desk's call is confirmed once the screens have it), so both answers mean the same.
    setImmediate(() =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code })),
    )
  } else {
    res.writeHead(200).end('ok')
  }
})
server.listen(port, '127.0.0.1')
process.once('SIGTERM', () => {
  for (const stream of streams) stream.destroy()
  server.close(() => process.exit(0))
})

import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { Hono } from 'hono'
import type { AppEnv } from '../../http/context'
import { securityHeaders } from '../../http/security'

const swaggerRoot = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cité API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="docs"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true })`

/** The OpenAPI document, generated from the same Zod schemas that validate requests, and a page to browse it. */
export function apiDocsRoutes(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'better-auth.session_token',
  })
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal token from `npm run cdm -- token create --email …`',
  })
  const config = {
    openapi: '3.1.0',
    info: {
      title: 'Cité API',
      version: '1.0.0',
      description: 'The API of Cité, the open platform that runs a Cité des Métiers.',
      license: {
        name: 'EUPL-1.2',
        url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
      },
    },
    servers: [{ url: '/api/v1' }],
  }
  // The routes never change while the process runs: build the document once, on first request.
  let document: ReturnType<typeof api.getOpenAPI31Document> | undefined

  const docs = new Hono()
  docs.get('/openapi.json', securityHeaders(), (c) => {
    document ??= api.getOpenAPI31Document(config)
    return c.json(document)
  })
  // Swagger UI sets inline styles in its markup: the relaxed style rule applies to this page only.
  docs.use('/docs/*', securityHeaders(true))
  docs.use('/docs', securityHeaders(true))
  docs.get('/docs', (c) => c.html(page))
  docs.get('/docs/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  docs.use(
    '/docs/assets/*',
    serveStatic({
      root: swaggerRoot,
      rewriteRequestPath: (path) => path.replace(/^\/api\/docs\/assets/, ''),
    }),
  )
  return docs
}

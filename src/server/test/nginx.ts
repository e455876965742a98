import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path))

/**
 * nginx from the system's packages in front of several Cité instances, as `docs/deploy.md` sets it up:
 * round robin, the live streams unbuffered, the client's address passed on. Runs in the foreground in
 * a temporary folder; `stop` ends it and removes the folder.
 */
export async function startNginx(options: { port: number; upstreams: number[] }) {
  if (!NGINX) throw new Error('nginx is not installed (Debian: apt-get install nginx)')
  const dir = await mkdtemp(join(tmpdir(), 'cite-nginx-'))
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`
  const config = `
${process.getuid?.() === 0 ? 'user root root;' : ''}
worker_processes 1;
error_log ${join(dir, 'nginx-errors.log')} warn;
pid ${join(dir, 'nginx.pid')};
events { worker_connections 4096; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  upstream cite {
    ${options.upstreams.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n    ')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${options.port};
    location / {
      proxy_pass http://cite;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
`
  const file = join(dir, 'nginx.conf')
  await writeFile(file, config)
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', file, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  // Ready once it accepts connections.
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${errors}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(options.port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) break
    if (attempt > 100) throw new Error(`nginx did not start: ${errors}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGQUIT')
      })
      await rm(dir, { recursive: true, force: true })
    },
  }
}

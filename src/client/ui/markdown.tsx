import type { ComponentProps } from 'react'
import Markdown, { type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'

/** The addresses a link in staff writing may go to: the web, mail, phone, and pages of this site. */
export function safeUrl(url: string): string {
  const trimmed = url.trim()
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed
  // A path of this site, or an anchor — but never `//host`, which leaves it.
  if (/^(\/(?!\/)|#)/.test(trimmed)) return trimmed
  return ''
}

function SafeLink({ href, children, node: _, ...rest }: ComponentProps<'a'> & { node?: unknown }) {
  if (!href) return <span>{children}</span>
  const external = /^https?:/i.test(href)
  return (
    <a {...rest} href={href} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {children}
    </a>
  )
}

/** A note's headings sit under the page's own title: `#` becomes the second level, and so on. */
const shifted = (Tag: 'h2' | 'h3' | 'h4' | 'h5' | 'h6') =>
  function Heading({ node: _, ...rest }: ComponentProps<'h2'> & { node?: unknown }) {
    return <Tag {...rest} />
  }

const components: Components = {
  a: SafeLink,
  h1: shifted('h2'),
  h2: shifted('h3'),
  h3: shifted('h4'),
  h4: shifted('h5'),
  h5: shifted('h6'),
  h6: shifted('h6'),
}

/**
 * Markdown written by staff, shown safely: raw HTML is dropped (never interpreted), links keep only safe
 * addresses, and images are left out (a picture from elsewhere would tell its host who reads the note).
 * Tables, task lists and bare web addresses work as on the usual forges.
 */
export function MarkdownText({ children }: { children: string }) {
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={safeUrl}
        disallowedElements={['img']}
        components={components}
      >
        {children}
      </Markdown>
    </div>
  )
}

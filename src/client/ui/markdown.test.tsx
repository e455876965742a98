import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MarkdownText, safeUrl } from './markdown'

const render = (markdown: string) => renderToStaticMarkup(<MarkdownText>{markdown}</MarkdownText>)

describe('Markdown written by staff', () => {
  it('renders what people write: emphasis, lists, tables, links, headings under the page title', () => {
    const html = render(
      '# Avant d’orienter\n\nVérifier **l’âge**.\n\n- appeler\n- [site](https://foyer.example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    )
    expect(html).toContain('<h2>Avant d’orienter</h2>')
    expect(html).toContain('<strong>l’âge</strong>')
    expect(html).toContain('<li>appeler</li>')
    expect(html).toContain(
      '<a href="https://foyer.example.org" target="_blank" rel="noopener noreferrer">site</a>',
    )
    expect(html).toContain('<td>2</td>')
  })

  it('never lets a script, an event handler, a javascript: link or a foreign image through', () => {
    const html = render(
      [
        '<script>alert(1)</script>',
        '<img src="x" onerror="alert(2)">',
        '<a href="https://example.org" onclick="alert(3)">raw</a>',
        '[click](javascript:alert(4))',
        '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)',
        '[relative](//evil.example/x)',
        '![tracker](https://tracker.example/pixel.png)',
        '<iframe src="https://evil.example"></iframe>',
      ].join('\n\n'),
    )
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|onclick|javascript:|data:|evil\.example|tracker/i)
    // The words of a refused link stay readable, only the address goes.
    expect(html).toContain('<span>click</span>')
  })

  it('keeps web, mail, phone and in-site addresses', () => {
    expect(safeUrl('https://a.example')).toBe('https://a.example')
    expect(safeUrl('mailto:x@a.example')).toBe('mailto:x@a.example')
    expect(safeUrl('tel:+33123456789')).toBe('tel:+33123456789')
    expect(safeUrl('/c/demo/services')).toBe('/c/demo/services')
    expect(safeUrl(' JavaScript:alert(1)')).toBe('')
    expect(safeUrl('vbscript:x')).toBe('')
  })
})

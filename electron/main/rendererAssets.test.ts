import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mimeTypeFor, resolveRendererAsset, safeRelativePath } from './rendererAssets'

let base: string
let root: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'seatdesk-assets-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {}')
  await writeFile(join(root, 'assets', '中文 name.css'), 'body{}')
  await writeFile(join(base, 'secret.txt'), 'journal key')
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'))
  await symlink(base, join(root, 'up'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('resolveRendererAsset', () => {
  it('serves files inside the root, index.html for /', async () => {
    expect(await resolveRendererAsset(root, '/')).toBe(join(root, 'index.html'))
    expect(await resolveRendererAsset(root, '/index.html')).toBe(join(root, 'index.html'))
    expect(await resolveRendererAsset(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(await resolveRendererAsset(root, '/assets/%E4%B8%AD%E6%96%87%20name.css')).toBe(
      join(root, 'assets', '中文 name.css'),
    )
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%00index.html',
    '/index.html%00.js',
    '/%E0%A4%A',
    '//etc/passwd',
    'C:/Windows/win.ini',
    '/C:/Windows/win.ini',
    '/./index.html',
  ])('refuses the traversal attempt %s', async (pathname) => {
    expect(await resolveRendererAsset(root, pathname)).toBeNull()
  })

  it('refuses symlinks that lead out of the root', async () => {
    expect(await resolveRendererAsset(root, '/assets/escape.txt')).toBeNull()
    expect(await resolveRendererAsset(root, '/up/secret.txt')).toBeNull()
  })

  it('refuses folders and missing files', async () => {
    expect(await resolveRendererAsset(root, '/assets')).toBeNull()
    expect(await resolveRendererAsset(root, '/assets/')).toBeNull()
    expect(await resolveRendererAsset(root, '/missing.js')).toBeNull()
  })

  it('never resolves outside the root, whatever the path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('..', '.', '%2e%2e', '%2f', '%5c', 'assets', 'up', 'secret.txt', '', '\\', '%00'), {
          maxLength: 6,
        }),
        async (segments) => {
          const file = await resolveRendererAsset(root, `/${segments.join('/')}`)
          return file === null || file.startsWith(root + '/')
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('safeRelativePath', () => {
  it('keeps ordinary nested paths', () => {
    expect(safeRelativePath('/assets/a.js')).toBe('assets/a.js')
  })
})

describe('mimeTypeFor', () => {
  it('names the types the renderer build emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('assets/index-abc.js')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('assets/index.CSS')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml')
  })

  it('serves unknown files as bytes, never as script', () => {
    expect(mimeTypeFor('archive.xyz')).toBe('application/octet-stream')
    expect(mimeTypeFor('no-extension')).toBe('application/octet-stream')
  })
})

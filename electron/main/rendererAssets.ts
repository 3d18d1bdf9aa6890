import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, sep } from 'node:path'

// Maps a request path to a file inside the built renderer, for both the app:// protocol and the
// browser preview. The check is on the real path, so `..`, encoded separators and symlinks that
// point out of the folder all end outside the root and are refused.

/** The file under `root` that `pathname` names, or null when it is not a file inside `root`. */
export async function resolveRendererAsset(root: string, pathname: string): Promise<string | null> {
  const relative = safeRelativePath(pathname)
  if (relative === null) return null
  try {
    const rootReal = await realpath(root)
    const fileReal = await realpath(join(rootReal, relative))
    if (!fileReal.startsWith(rootReal + sep)) return null
    return (await stat(fileReal)).isFile() ? fileReal : null
  } catch {
    return null
  }
}

/** The decoded path without its leading slash, or null when it tries to leave its folder. */
export function safeRelativePath(pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded === '' || decoded === '/') return 'index.html'
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.slice(1).split('/')
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return null
  const relative = segments.join('/')
  // A drive letter (`C:`) would make join() leave the root on Windows.
  if (isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return null
  return relative
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
}

/** With `nosniff` on every response, an unknown type must not pass as script: it is served as bytes. */
export function mimeTypeFor(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

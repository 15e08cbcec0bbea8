/**
 * What a kiosk downloads to show /kiosk: every JS and CSS file the built page references
 * (entry script, module preloads, style sheets), raw and gzip-compressed (level 9, as a server
 * or proxy would send it). Reads kiosk-ui/dist, so run after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './support/processes';

export function benchKioskBundle(): { files: { path: string; bytes: number; gzipBytes: number }[]; gzipBytes: number; bytes: number } {
  const dist = resolve(REPO_ROOT, 'kiosk-ui/dist');
  const html = readFileSync(resolve(dist, 'kiosk/index.html'), 'utf8');
  const paths = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!))];
  if (paths.length === 0) throw new Error('no assets referenced by kiosk/index.html: is the UI built?');
  const files = paths.map((path) => {
    const content = readFileSync(resolve(dist, `.${path}`));
    return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchKioskBundle());

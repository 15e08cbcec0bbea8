/**
 * Records the kiosk's spoken words offline, for kiosks whose browser has no Chinese (or English)
 * system voice: espeak-ng (Mandarin voice `cmn`) → WAV → Opus (opusenc, speech mode, 16 kbit/s).
 * - every message key a screen speaks (src/kiosk/spoken-keys.ts) → public/audio/<locale>/keys/<key>.opus,
 *   and the catalogue's service names → public/audio/<locale>/services/<serviceKey>.opus, each folder
 *   with a recorded.json naming the text each clip says (a test compares it with today's texts, so a
 *   changed text without a new recording fails).
 * Run after changing a spoken text: `npm run audio --workspace kiosk-ui [-- <key or service key>…]`
 * (everything, or only those named; `-- --stale` for the keys and names whose text changed or
 * that have no clip yet). The clips are committed, so kiosks and CI never need these tools.
 *
 * Needs Debian's espeak-ng and opus-tools.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOCALES, translate, type Locale, type MessageKey } from '@eldercare/domain';
import { SPOKEN_KEYS, SPOKEN_SERVICES, spokenServiceName } from '../src/kiosk/spoken-keys';

const VOICES = { 'zh-CN': { voice: 'cmn', speed: '125' }, en: { voice: 'en-us', speed: '135' } } as const;
const outDir = resolve(import.meta.dirname, '../public/audio');
const args = process.argv.slice(2);
const staleOnly = args.includes('--stale');
const wanted = args.filter((a) => a !== '--stale');
const isSpokenKey = (name: string): name is MessageKey => (SPOKEN_KEYS as string[]).includes(name);
const unknown = wanted.filter((name) => !isSpokenKey(name) && !SPOKEN_SERVICES.includes(name));
if (unknown.length > 0) throw new Error(`Neither a spoken key nor a service key: ${unknown.join(', ')}`);
const everything = wanted.length === 0 && !staleOnly;
const work = mkdtempSync(join(tmpdir(), 'kiosk-audio-'));

function record(locale: Locale, text: string, file: string): void {
  const wav = join(work, 'clip.wav');
  const { voice, speed } = VOICES[locale];
  // A short pause between words (-g 6: word gap in 10 ms units) helps older listeners.
  execFileSync('espeak-ng', ['-v', voice, '-s', speed, '-g', '6', '-w', wav, text]);
  execFileSync('opusenc', ['--quiet', '--speech', '--bitrate', '16', wav, file]);
  console.log(`${file.slice(outDir.length + 1)}  ${text}`);
}

/** One clip per name in <locale>/<folder>/, and recorded.json with the text each one says. */
function recordFolder(locale: Locale, folder: string, names: readonly string[], textOf: (name: string) => string): void {
  mkdirSync(join(outDir, locale, folder), { recursive: true });
  const manifestFile = join(outDir, locale, folder, 'recorded.json');
  const previous: Record<string, string> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const manifest: Record<string, string> = {};
  for (const name of names) {
    const text = textOf(name);
    const file = join(outDir, locale, folder, `${name}.opus`);
    const stale = previous[name] !== text || !existsSync(file);
    if (everything || wanted.includes(name) || (staleOnly && stale)) record(locale, text, file);
    else if (stale) {
      // Not asked for: keep what the clip says, so the test still tells it apart.
      if (previous[name] !== undefined) manifest[name] = previous[name];
      continue;
    }
    manifest[name] = text;
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}

try {
  for (const locale of LOCALES) {
    recordFolder(locale, 'keys', SPOKEN_KEYS, (key) => translate(locale, key as MessageKey));
    recordFolder(locale, 'services', SPOKEN_SERVICES, (key) => spokenServiceName(locale, key));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Records the kiosk's spoken words offline, for kiosks whose browser has no Chinese (or English)
 * system voice: espeak-ng (Mandarin voice `cmn`) → WAV → Opus (opusenc, speech mode, 16 kbit/s).
 * - the first flows' prompts (src/kiosk/spoken-prompts.ts) → public/audio/<locale>/<prompt>.opus;
 * - the service screens' message keys (src/kiosk/spoken-keys.ts) → public/audio/<locale>/keys/<key>.opus,
 *   with keys/recorded.json naming the text each clip says (a test compares it with the catalogue,
 *   so a changed text without a new recording fails).
 * Run after changing a spoken text: `npm run audio --workspace kiosk-ui [-- <prompt id or key>…]`
 * (everything, or only those named; `-- --stale` for the keys whose text changed or that have no
 * clip yet). The clips are committed, so kiosks and CI never need these tools.
 *
 * Needs Debian's espeak-ng and opus-tools.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOCALES, translate, type Locale, type MessageKey } from '@eldercare/domain';
import { SPOKEN_KEYS } from '../src/kiosk/spoken-keys';
import { PROMPT_IDS, SPOKEN_PROMPTS, type PromptId } from '../src/kiosk/spoken-prompts';

const VOICES = { 'zh-CN': { voice: 'cmn', speed: '125' }, en: { voice: 'en-us', speed: '135' } } as const;
const outDir = resolve(import.meta.dirname, '../public/audio');
const args = process.argv.slice(2);
const staleOnly = args.includes('--stale');
const wanted = args.filter((a) => a !== '--stale');
const isPrompt = (name: string): name is PromptId => (PROMPT_IDS as string[]).includes(name);
const isSpokenKey = (name: string): name is MessageKey => (SPOKEN_KEYS as string[]).includes(name);
const unknown = wanted.filter((name) => !isPrompt(name) && !isSpokenKey(name));
if (unknown.length > 0) throw new Error(`Neither a prompt id nor a spoken key: ${unknown.join(', ')}`);
const everything = wanted.length === 0 && !staleOnly;
const prompts = everything ? PROMPT_IDS : wanted.filter(isPrompt);
const work = mkdtempSync(join(tmpdir(), 'kiosk-audio-'));

function record(locale: Locale, text: string, file: string): void {
  const wav = join(work, 'clip.wav');
  const { voice, speed } = VOICES[locale];
  // A short pause between words (-g 6: word gap in 10 ms units) helps older listeners.
  execFileSync('espeak-ng', ['-v', voice, '-s', speed, '-g', '6', '-w', wav, text]);
  execFileSync('opusenc', ['--quiet', '--speech', '--bitrate', '16', wav, file]);
  console.log(`${file.slice(outDir.length + 1)}  ${text}`);
}

try {
  for (const locale of LOCALES) {
    mkdirSync(join(outDir, locale, 'keys'), { recursive: true });
    for (const id of prompts) record(locale, SPOKEN_PROMPTS[id].map((key) => translate(locale, key)).join(' '), join(outDir, locale, `${id}.opus`));

    const manifestFile = join(outDir, locale, 'keys', 'recorded.json');
    const previous: Record<string, string> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
    const manifest: Record<string, string> = {};
    for (const key of SPOKEN_KEYS) {
      const text = translate(locale, key);
      const file = join(outDir, locale, 'keys', `${key}.opus`);
      const stale = previous[key] !== text || !existsSync(file);
      if (everything || wanted.includes(key) || (staleOnly && stale)) record(locale, text, file);
      else if (stale) {
        // Not asked for: keep what the clip says, so the test still tells it apart.
        if (previous[key] !== undefined) manifest[key] = previous[key];
        continue;
      }
      manifest[key] = text;
    }
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

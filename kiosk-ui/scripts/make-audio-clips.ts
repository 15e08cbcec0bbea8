/**
 * Records every spoken prompt offline, for kiosks whose browser has no Chinese (or English)
 * system voice: espeak-ng (Mandarin voice `cmn`) → WAV → Opus (opusenc, speech mode, 16 kbit/s).
 * Run after changing a prompt's text: `npm run audio --workspace kiosk-ui [-- <prompt id>…]`
 * (all prompts, or only those named). The clips are committed, so kiosks and CI never need
 * these tools.
 *
 * Needs Debian's espeak-ng and opus-tools.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOCALES, translate } from '@eldercare/domain';
import { PROMPT_IDS, SPOKEN_PROMPTS } from '../src/kiosk/spoken-prompts';

const VOICES = { 'zh-CN': { voice: 'cmn', speed: '125' }, en: { voice: 'en-us', speed: '135' } } as const;
const outDir = resolve(import.meta.dirname, '../public/audio');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !(PROMPT_IDS as string[]).includes(id));
if (unknown.length > 0) throw new Error(`Unknown prompt ids: ${unknown.join(', ')}`);
const ids = wanted.length > 0 ? (wanted as typeof PROMPT_IDS) : PROMPT_IDS;
const work = mkdtempSync(join(tmpdir(), 'kiosk-audio-'));

try {
  for (const locale of LOCALES) {
    mkdirSync(join(outDir, locale), { recursive: true });
    for (const id of ids) {
      const text = SPOKEN_PROMPTS[id].map((key) => translate(locale, key)).join(' ');
      const wav = join(work, `${id}.wav`);
      const { voice, speed } = VOICES[locale];
      // A short pause between sentences (-g 6: word gap in 10 ms units) helps older listeners.
      execFileSync('espeak-ng', ['-v', voice, '-s', speed, '-g', '6', '-w', wav, text]);
      execFileSync('opusenc', ['--quiet', '--speech', '--bitrate', '16', wav, join(outDir, locale, `${id}.opus`)]);
      console.log(`${locale}/${id}.opus  ${text}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

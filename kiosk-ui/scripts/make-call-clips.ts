/**
 * Records the clips the call display strings together when the browser has no zh-CN voice
 * (decision 0011): one clip per word, digit and letter of CALL_CLIPS (domain spoken-call.ts),
 * espeak-ng → WAV → silence trimmed → Opus (opusenc, speech mode, 16 kbit/s) in
 * public/audio/calls/<id>.opus. Run after changing CALL_CLIPS: `npm run audio:calls --workspace
 * kiosk-ui`. The clips are committed, so displays and CI never need these tools.
 *
 * Voices: Chinese words with `cmn-latn-pinyin` (espeak-ng 1.51's `cmn` reads some syllables'
 * pinyin as English, e.g. 请 as "king three"), letters with `cmn`, which says their names the way
 * Mandarin speakers do (A "ei", B "bi"…). Needs Debian's espeak-ng and opus-tools.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CALL_CLIPS } from '@eldercare/domain';

/** Words per minute: slow (espeak's default is 175). */
const SPEED = '115';
/** Loudness (0–200): a hall is noisy. */
const AMPLITUDE = '160';
/** Kept around the voiced part, so a consonant's onset and a tone's tail are not cut. */
const LEAD_MS = 15;
const TAIL_MS = 40;
/** A sample counts as voiced from this 16-bit amplitude (about −36 dBFS). */
const THRESHOLD = 500;

const outDir = resolve(import.meta.dirname, '../public/audio/calls');
const work = mkdtempSync(join(tmpdir(), 'call-clips-'));

/** Cuts espeak's leading and trailing silence (16-bit mono PCM WAV), so clips join without holes. */
function trimSilence(wav: Buffer): Buffer {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (wav.readUInt16LE(body) !== 1 || wav.readUInt16LE(body + 2) !== 1 || wav.readUInt16LE(body + 14) !== 16) throw new Error('expected 16-bit mono PCM');
      sampleRate = wav.readUInt32LE(body + 4);
    }
    if (id === 'data') {
      // espeak-ng may leave the size at its maximum when writing: take what is really there.
      const end = Math.min(wav.length, body + size);
      const samples = (end - body) >> 1;
      const at = (i: number) => Math.abs(wav.readInt16LE(body + i * 2));
      let first = 0;
      while (first < samples && at(first) < THRESHOLD) first++;
      let last = samples - 1;
      while (last > first && at(last) < THRESHOLD) last--;
      if (first >= samples) throw new Error('the clip is silent');
      const from = Math.max(0, first - Math.round((sampleRate * LEAD_MS) / 1000));
      const to = Math.min(samples, last + 1 + Math.round((sampleRate * TAIL_MS) / 1000));
      const header = Buffer.from(wav.subarray(0, body));
      header.writeUInt32LE(header.length - 8 + (to - from) * 2, 4);
      header.writeUInt32LE((to - from) * 2, body - 4);
      return Buffer.concat([header, wav.subarray(body + from * 2, body + to * 2)]);
    }
    offset = body + size + (size & 1);
  }
  throw new Error('no data chunk');
}

try {
  mkdirSync(outDir, { recursive: true });
  let total = 0;
  for (const clip of CALL_CLIPS) {
    const raw = join(work, `${clip.id}.raw.wav`);
    const trimmed = join(work, `${clip.id}.wav`);
    const out = join(outDir, `${clip.id}.opus`);
    const voice = clip.kind === 'letter' ? 'cmn' : 'cmn-latn-pinyin';
    execFileSync('espeak-ng', ['-v', voice, '-s', SPEED, '-a', AMPLITUDE, '-w', raw, clip.text], { stdio: ['ignore', 'ignore', 'ignore'] });
    writeFileSync(trimmed, trimSilence(readFileSync(raw)));
    execFileSync('opusenc', ['--quiet', '--speech', '--bitrate', '16', trimmed, out]);
    total += statSync(out).size;
    console.log(`calls/${clip.id}.opus  ${clip.text}`);
  }
  console.log(`${CALL_CLIPS.length} clips, ${(total / 1024).toFixed(0)} kB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

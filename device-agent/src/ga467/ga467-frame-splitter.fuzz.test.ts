import { describe, expect, it } from 'vitest';
import { encodeCommand, encodeReply } from './ga467-frame';
import { GA467_PREAMBLE } from './ga467-frame';
import { splitFrames } from './ga467-frame-splitter';

/** Small deterministic PRNG (mulberry32): a failing seed can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTINEL = encodeReply(0x90, Buffer.from('sentinel'));

describe('splitFrames fuzz', () => {
  it('never throws on 100,000 random and mutated inputs and always recovers the next good frame', () => {
    const random = prng(467);
    const int = (n: number) => Math.floor(random() * n);
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
    const validFrame = () =>
      random() < 0.5 ? encodeCommand(int(256), int(256), bytes(int(20))) : encodeReply(int(256), bytes(int(random() < 0.1 ? 1400 : 40)));

    for (let i = 0; i < 100_000; i++) {
      let input: Buffer;
      switch (i % 4) {
        case 0: // pure noise, biased towards preamble bytes
          input = Buffer.from(Array.from({ length: int(64) }, () => (random() < 0.3 ? [0xaa, 0x96, 0x69][int(3)]! : int(256))));
          break;
        case 1: { // a valid frame with bytes flipped
          input = validFrame();
          for (let m = 0, n = 1 + int(3); m < n; m++) input[int(input.length)] = int(256);
          break;
        }
        case 2: // a valid frame cut short
          input = validFrame().subarray(0, 1 + int(20));
          break;
        default: // a preamble followed by a random length and noise
          input = Buffer.concat([GA467_PREAMBLE, bytes(2 + int(30))]);
      }
      // Whatever came before, a full good frame must come out of the stream eventually. A
      // truncated candidate can hold the sentinel until enough bytes pass (at most one
      // maximum-length frame), as on a real line where the reader keeps talking.
      let rest = input;
      const seen: Buffer[] = [];
      for (let round = 0; round < 5 && !seen.some((f) => f.equals(SENTINEL)); round++) {
        const result = splitFrames(Buffer.concat([rest, SENTINEL, round > 0 ? Buffer.alloc(1500) : Buffer.alloc(0)]));
        seen.push(...result.frames);
        rest = result.rest;
      }
      if (!seen.some((f) => f.equals(SENTINEL))) throw new Error(`sentinel lost after input #${i}: ${input.toString('hex')}`);
    }
    expect(true).toBe(true);
  });

  it('every frame it emits carries a valid checksum and length', () => {
    const random = prng(96);
    for (let i = 0; i < 20_000; i++) {
      const noise = Buffer.from(Array.from({ length: 200 }, () => (random() < 0.5 ? [0xaa, 0x96, 0x69, 0x00, 0x03][Math.floor(random() * 5)]! : Math.floor(random() * 256))));
      for (const frame of splitFrames(noise).frames) {
        expect(frame.readUInt16BE(5)).toBe(frame.length - 7);
        let chk = 0;
        for (let b = 5; b < frame.length - 1; b++) chk ^= frame[b]!;
        expect(chk).toBe(frame[frame.length - 1]);
      }
    }
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { encodeCommand, encodeReply } from './ga467-frame';
import { Ga467FrameSplitter, splitFrames, type FrameRejection } from './ga467-frame-splitter';

const FIND = encodeCommand(0x20, 0x01);
const FOUND = encodeReply(0x9f, Buffer.alloc(4));
const BIG = encodeReply(0x90, Buffer.alloc(1284, 0x5a));

/** Feeds chunks through a real stream and collects frames and rejections. */
async function run(chunks: Buffer[], options?: ConstructorParameters<typeof Ga467FrameSplitter>[0]) {
  const splitter = new Ga467FrameSplitter(options);
  const rejections: FrameRejection[] = [];
  splitter.on('frame.rejected', (r: FrameRejection) => rejections.push(r));
  const frames: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from(chunks).pipe(splitter).on('data', (f: Buffer) => frames.push(f)).on('end', resolve).on('error', reject);
  });
  return { frames, rejections, splitter };
}

describe('Ga467FrameSplitter', () => {
  it('reassembles a frame split at every byte', async () => {
    for (const frame of [FIND, FOUND, BIG]) {
      const { frames } = await run([...frame].map((b) => Buffer.from([b])));
      expect(frames).toEqual([frame]);
    }
  });

  it('reassembles a frame split at every position into two chunks', async () => {
    for (let i = 1; i < FOUND.length; i++) {
      const { frames } = await run([FOUND.subarray(0, i), FOUND.subarray(i)]);
      expect(frames).toEqual([FOUND]);
    }
  });

  it('emits several frames from one chunk', async () => {
    const { frames, rejections } = await run([Buffer.concat([FIND, FOUND, BIG, FIND])]);
    expect(frames).toEqual([FIND, FOUND, BIG, FIND]);
    expect(rejections).toEqual([]);
  });

  it('skips garbage before and between frames, including half preambles', async () => {
    const noise = Buffer.from([0x00, 0xaa, 0xaa, 0x13, 0xaa, 0x96, 0x69]);
    const { frames, rejections } = await run([Buffer.concat([noise, FIND, noise, FOUND, Buffer.from([0xaa, 0xaa])])]);
    expect(frames).toEqual([FIND, FOUND]);
    expect(rejections).toEqual([
      { reason: 'garbage', bytes: noise.length },
      { reason: 'garbage', bytes: noise.length },
      // The trailing AA AA might have begun a frame; the end of the stream drops it.
      { reason: 'truncated', bytes: 2 },
    ]);
  });

  it('drops a frame with a bad checksum and reads the good one after it', async () => {
    const bad = Buffer.from(FOUND);
    bad[9]! ^= 0xff;
    const { frames, rejections, splitter } = await run([Buffer.concat([bad, FIND])]);
    expect(frames).toEqual([FIND]);
    expect(rejections).toEqual([{ reason: 'checksum', bytes: bad.length }]);
    expect(splitter.stats).toMatchObject({ frames: 1, rejected: 1, droppedBytes: bad.length });
  });

  it('finds a good frame hidden inside a candidate whose checksum fails', async () => {
    // A truncated frame (its tail lost) followed by a whole one: the length field of the
    // truncated one swallows the good frame, the checksum fails, and the splitter rescans.
    const truncated = BIG.subarray(0, 40);
    const { frames } = await run([Buffer.concat([truncated, FOUND, Buffer.alloc(1300, 0x11), FIND])]);
    expect(frames).toEqual([FOUND, FIND]);
  });

  it('rejects absurd lengths without waiting for them', async () => {
    const absurd = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xf0, 0x00]);
    const tooShort = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x02, 0x00, 0x02]);
    const { frames, rejections } = await run([Buffer.concat([absurd, tooShort, FIND])]);
    expect(frames).toEqual([FIND]);
    expect(rejections.map((r) => r.reason)).toEqual(['length', 'length']);
  });

  it('honours a smaller maxLength', () => {
    expect(splitFrames(BIG, { maxLength: 1000 }).frames).toEqual([]);
    expect(splitFrames(BIG, { maxLength: 1288 }).frames).toEqual([BIG]);
  });

  it('validates its options', () => {
    expect(() => new Ga467FrameSplitter({ maxLength: 2 })).toThrow(TypeError);
    expect(() => new Ga467FrameSplitter({ maxLength: 70000 })).toThrow(TypeError);
    expect(() => new Ga467FrameSplitter({ maxLength: 10.5 })).toThrow(TypeError);
  });

  it('reset() drops a partial frame so stale bytes cannot complete it', () => {
    const splitter = new Ga467FrameSplitter();
    const frames: Buffer[] = [];
    splitter.on('data', (f: Buffer) => frames.push(f));
    splitter.write(FOUND.subarray(0, 6));
    expect(splitter.pendingBytes).toBe(6);
    splitter.reset();
    splitter.write(FOUND.subarray(6));
    splitter.write(FIND);
    expect(frames).toEqual([FIND]);
  });
});

describe('splitFrames', () => {
  it('returns the incomplete tail as rest', () => {
    const { frames, rest } = splitFrames(Buffer.concat([FIND, FOUND.subarray(0, 5)]));
    expect(frames).toEqual([FIND]);
    expect(rest).toEqual(FOUND.subarray(0, 5));
  });
});

/**
 * GA 467 reply frames parsed per second: the agent's whole path for a card read reply (split the
 * byte stream into frames with checksum verification, parse the reply, split text and photo,
 * decode the UCS-2 card text) over a stream of 1295-byte `30 01` replies arriving in
 * serial-sized chunks. Baseline in the same run: only finding the preambles in the same bytes
 * (Buffer.indexOf), the least any framer must do.
 */
import { demoResidents, shanghaiDate } from '@eldercare/domain';
import {
  decodeCardText,
  encodeCardReadData,
  encodeReply,
  encodeCardText,
  GA467_PREAMBLE,
  parseCardReadData,
  parseReply,
  splitFrames,
} from '@eldercare/device-agent';

const FRAMES = 20_000;
const CHUNK = 64; // a USB-serial adapter hands over bytes in small chunks

function replyStream(): Buffer {
  const cards = demoResidents(shanghaiDate(new Date())).map((r) => r.card);
  const replies = cards.map((card) =>
    encodeReply(0x90, encodeCardReadData({ text: encodeCardText(card), photo: Buffer.alloc(1024, 0x5a) })),
  );
  return Buffer.concat(Array.from({ length: FRAMES }, (_, i) => replies[i % replies.length]!));
}

function parseAll(stream: Buffer): number {
  let rest: Buffer = Buffer.alloc(0);
  let cards = 0;
  for (let offset = 0; offset < stream.length; offset += CHUNK) {
    const chunk = stream.subarray(offset, offset + CHUNK);
    const { frames, rest: remainder } = splitFrames(rest.length ? Buffer.concat([rest, chunk]) : chunk);
    rest = remainder;
    for (const frame of frames) {
      const reply = parseReply(frame);
      const { text } = parseCardReadData(reply.data, false);
      if (decodeCardText(text).idNumber.length === 18) cards++;
    }
  }
  return cards;
}

function findPreambles(stream: Buffer): number {
  let found = 0;
  for (let pos = stream.indexOf(GA467_PREAMBLE); pos >= 0; pos = stream.indexOf(GA467_PREAMBLE, pos + 1)) found++;
  return found;
}

function rate(fn: () => number, expected: number): number {
  const start = performance.now();
  const count = fn();
  const seconds = (performance.now() - start) / 1000;
  if (count !== expected) throw new Error(`expected ${expected} frames, got ${count}`);
  return count / seconds;
}

export function benchSamFrames(): { framesPerSecond: number; baselinePerSecond: number; frameBytes: number } {
  const stream = replyStream();
  parseAll(stream); // warm up the JIT
  findPreambles(stream);
  const framesPerSecond = rate(() => parseAll(stream), FRAMES);
  const baselinePerSecond = rate(() => findPreambles(stream), FRAMES);
  return { framesPerSecond, baselinePerSecond, frameBytes: stream.length / FRAMES };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchSamFrames());

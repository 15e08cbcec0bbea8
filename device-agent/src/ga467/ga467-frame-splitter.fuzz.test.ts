import { demoResidents, type IdCardData } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { Ga467Reader } from '../reader/ga467-reader';
import { createDuplexPair } from '../transports/duplex-pair';
import { encodeCardReadData, parseCardReadData } from './card-read-data';
import { decodeCardText, encodeCardText } from './card-text';
import { CARD_TYPE_OFFSET } from './card-text-block';
import { encodeCommand, encodeReply, parseReply } from './ga467-frame';
import { GA467_PREAMBLE } from './ga467-frame';
import { splitFrames } from './ga467-frame-splitter';
import { ReaderError } from './reader-error';
import { seededRandom } from '@eldercare/domain';

const SENTINEL = encodeReply(0x90, Buffer.from('sentinel'));

describe('splitFrames fuzz', () => {
  it('never throws on 100,000 random and mutated inputs and always recovers the next good frame', () => {
    const random = seededRandom(467);
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
    const random = seededRandom(96);
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

/** One card of each layout: resident, foreign permanent 2017 (I) and 2023 (Y), HK/Macau/Taiwan permit (J). */
const CARDS: IdCardData[] = (() => {
  const residents = demoResidents('2025-06-15');
  const byKey = (key: string) => residents.find((r) => r.key === key)!.card;
  return [
    byKey('li-xiuying'),
    {
      cardType: 'foreign-permanent', name: '奥卡福', sex: 'male', nationCode: '', birthDate: '1956-03-09', address: '',
      idNumber: 'NGA310056030912', issuingAuthority: '3100', validFrom: '2019-05-20', validTo: '2029-05-19',
      englishName: 'OKAFOR, CHIDI EMEKA', nationality: 'NGA',
    },
    byKey('anna-miller'),
    byKey('leung-kwok-wah'),
  ];
})();
const TEXTS = CARDS.map((card) => encodeCardText(card));
const GOOD_CARD = CARDS[3]!;
const GOOD_REPLY = encodeReply(0x90, encodeCardReadData({ text: TEXTS[3]!, photo: Buffer.alloc(1024, 0x5a) }));

/** Characters a card text field is made of, plus a few that no field should hold. */
const ALPHABET = '0123456789X ABCDEFGHIJKLMNOPQRSTUVWXYZ,-长期上海市李英\0\uffff\ud800';

/** The agent's path for a card read reply; anything it throws must be a ReaderError. */
function readReply(frame: Buffer): IdCardData | undefined {
  const reply = parseReply(frame);
  if (reply.sw3 !== 0x90) return undefined;
  return decodeCardText(parseCardReadData(reply.data, false).text);
}

function onlyReaderErrors<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof ReaderError)) throw err;
    return undefined;
  }
}

describe('card read replies fuzz (splitter, reply parser, card text decoders)', () => {
  it('throws only ReaderError on 60,000 mutated card replies and texts, and reads the good reply after each', () => {
    const random = seededRandom(2467);
    const int = (n: number) => Math.floor(random() * n);
    const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
    const decoded = { cards: 0, errors: new Map<string, number>() };
    const note = (card: IdCardData | undefined, err?: string) => {
      if (card) decoded.cards++;
      if (err) decoded.errors.set(err, (decoded.errors.get(err) ?? 0) + 1);
    };

    /** A valid text with some of its fields or bytes spoilt, and sometimes another type mark. */
    const mutatedText = (): Buffer => {
      const text = Buffer.from(pick(TEXTS));
      switch (int(4)) {
        case 0:
          for (let m = 0, n = 1 + int(4); m < n; m++) text[int(text.length)] = int(256);
          break;
        case 1: {
          const start = 2 * int(text.length / 2);
          const chars = Array.from({ length: 1 + int(20) }, () => pick([...ALPHABET])).join('');
          Buffer.from(chars, 'utf16le').copy(text, start);
          break;
        }
        case 2:
          text.write(pick([' ', 'I', 'Y', 'J', 'K', '\0']), CARD_TYPE_OFFSET, 'utf16le');
          break;
        default:
          for (let i = 0; i < text.length; i++) if (random() < 0.05) text[i] = int(256);
      }
      return text;
    };

    for (let i = 0; i < 60_000; i++) {
      switch (i % 4) {
        case 0: // text decoders alone, on mutated and on random texts
          note(onlyReaderErrors(() => decodeCardText(random() < 0.8 ? mutatedText() : Buffer.from(Array.from({ length: 256 }, () => int(256))))));
          break;
        case 1: {
          // a SAM that frames spoilt data correctly: parser and decoders see it
          const text = random() < 0.9 ? mutatedText() : mutatedText().subarray(0, int(256));
          let data = encodeCardReadData({ text, photo: Buffer.alloc(int(64), 0x5a) });
          if (random() < 0.2) data = data.subarray(0, int(data.length)); // length fields disagree with the data
          const frame = encodeReply(random() < 0.95 ? 0x90 : int(256), data);
          try {
            note(readReply(frame));
          } catch (err) {
            if (!(err instanceof ReaderError)) throw err;
            note(undefined, err.code);
          }
          break;
        }
        default: {
          // spoilt bytes on the line, then a good reply: it must come through whole
          const frame = encodeReply(0x90, encodeCardReadData({ text: mutatedText(), photo: Buffer.alloc(int(32)) }));
          for (let m = 0, n = 1 + int(3); m < n; m++) frame[int(frame.length)] = int(256);
          const input = random() < 0.5 ? frame : frame.subarray(0, 1 + int(frame.length - 1));
          let rest: Buffer = input;
          let found = false;
          for (let round = 0; round < 5 && !found; round++) {
            const result = splitFrames(Buffer.concat([rest, GOOD_REPLY, round > 0 ? Buffer.alloc(1500) : Buffer.alloc(0)]));
            rest = result.rest;
            for (const f of result.frames) {
              if (!f.equals(GOOD_REPLY)) {
                note(onlyReaderErrors(() => readReply(f)));
                continue;
              }
              // The whole good frame came through; decoding it again each time proves nothing new.
              if (i % 512 === 2) expect(readReply(f)).toEqual(GOOD_CARD);
              found = true;
            }
          }
          if (!found) throw new Error(`good reply lost after input #${i}: ${input.toString('hex')}`);
        }
      }
    }
    // The mutations reached the decoders' checks, not only the framing.
    expect(decoded.cards).toBeGreaterThan(1000);
    expect(decoded.errors.get('CARD_TEXT_INVALID')).toBeGreaterThan(1000);
    expect(decoded.errors.get('READER_REPLY_INVALID')).toBeGreaterThan(100);
    expect(decoded.errors.get('CARD_TYPE_UNSUPPORTED')).toBeGreaterThan(10);
  });

  it('a Ga467Reader fed spoilt replies fails each read with a ReaderError and reads the next card', async () => {
    const random = seededRandom(9467);
    const int = (n: number) => Math.floor(random() * n);
    const [agentEnd, deviceEnd] = createDuplexPair();
    await agentEnd.open();
    await deviceEnd.open();
    let next: () => Buffer = () => GOOD_REPLY;
    deviceEnd.onData(() => void deviceEnd.write(next()));
    const reader = new Ga467Reader(agentEnd, { readTimeoutMs: 50 });
    for (let i = 0; i < 400; i++) {
      const text = Buffer.from(TEXTS[i % TEXTS.length]!);
      for (let m = 0, n = 1 + int(6); m < n; m++) text[int(text.length)] = int(256);
      next = () => encodeReply(0x90, encodeCardReadData({ text, photo: Buffer.alloc(1024) }));
      await reader.readCard().catch((err: unknown) => {
        if (!(err instanceof ReaderError)) throw err;
      });
      next = () => GOOD_REPLY;
      expect((await reader.readCard()).card).toEqual(GOOD_CARD);
    }
  });
});

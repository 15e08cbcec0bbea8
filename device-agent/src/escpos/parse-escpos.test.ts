import type { ReceiptDocument } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from './escpos-builder';
import { encodeReceipt } from './encode-receipt';
import { EscPosInterpreter, mergeFeeds, parseEscPos, type EscPosItem } from './parse-escpos';
import { seededRandom } from '@eldercare/domain';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const kinds = (items: EscPosItem[]) => items.map((i) => i.kind);

const RECEIPT: ReceiptDocument = {
  id: 'rt-1',
  blocks: [
    { kind: 'heading', text: '养老服务补贴申请回执' },
    { kind: 'field', label: '申请人', value: '张*英' },
    { kind: 'field', label: '申请编号', value: 'SQ20240501000123' },
    { kind: 'rule' },
    { kind: 'text', text: '请于 15 个工作日内留意短信通知。', align: 'center' },
    { kind: 'text', text: '合计 ￥1,200.00', align: 'right', bold: true, size: 'large' },
    { kind: 'qr', data: 'https://example.org/progress?n=SQ20240501000123', caption: '扫码查询办理进度' },
    { kind: 'qr', data: '申请编号 SQ1' },
    { kind: 'feed', lines: 1 },
  ],
};

describe('parseEscPos round trip', () => {
  it('gives back the text, styles and QR payloads of an encoded receipt', () => {
    const items = parseEscPos(encodeReceipt(RECEIPT));
    expect(items.filter((i) => i.kind !== 'feed')).toEqual([
      expect.objectContaining({ kind: 'text', text: '养老服务补贴申请回执', align: 'center', bold: true, width: 2, height: 2 }),
      expect.objectContaining({ kind: 'text', text: '申请人：张*英', align: 'left', bold: false, width: 1, height: 1 }),
      expect.objectContaining({ kind: 'text', text: '申请编号：SQ20240501000123' }),
      expect.objectContaining({ kind: 'text', text: '-'.repeat(48) }),
      expect.objectContaining({ kind: 'text', text: '请于 15 个工作日内留意短信通知。', align: 'center', bold: false }),
      expect.objectContaining({ kind: 'text', text: '合计 ￥1,200.00', align: 'right', bold: true, width: 2, height: 2 }),
      expect.objectContaining({ kind: 'qr', data: 'https://example.org/progress?n=SQ20240501000123', align: 'center', moduleSize: 6, errorLevel: 'M' }),
      expect.objectContaining({ kind: 'text', text: '扫码查询办理进度', align: 'center' }),
      expect.objectContaining({ kind: 'qr', data: '申请编号 SQ1' }),
      { kind: 'cut', partial: false, feed: 0 },
    ]);
    expect(items.at(-2)).toEqual({ kind: 'feed', lines: 5 });
  });

  it('keeps the bold runs of a field line', () => {
    const line = parseEscPos(encodeReceipt(RECEIPT)).find((i) => i.kind === 'text' && i.text.startsWith('申请人'));
    expect(line).toMatchObject({
      runs: [
        { text: '申请人：', bold: false, width: 1, height: 1, underline: false },
        { text: '张*英', bold: true, width: 1, height: 1, underline: false },
      ],
    });
  });

  it('parses the same items however the bytes are split into chunks', () => {
    const data = encodeReceipt(RECEIPT);
    const whole = parseEscPos(data);
    const random = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const interpreter = new EscPosInterpreter();
      const items: EscPosItem[] = [];
      for (let i = 0; i < data.length; ) {
        const size = 1 + Math.floor(random() * 40);
        for (const step of interpreter.push(data.subarray(i, i + size))) items.push(...step.items);
        i += size;
      }
      for (const step of interpreter.end()) items.push(...step.items);
      expect(mergeFeeds(items)).toEqual(whole);
    }
  });

  it('holds a long command back until all of it has arrived', () => {
    const raster = new Uint8Array(8 + 72 * 1000);
    raster.set([0x1d, 0x76, 0x30, 0x00, 72, 0x00, 0xe8, 0x03]); // GS v 0: 72 bytes × 1000 rows
    raster.fill(0x0a, 8); // image data full of LF bytes, which must not print
    const data = bytes([...raster], 'after', [0x0a]);
    const interpreter = new EscPosInterpreter();
    const steps = [];
    for (let i = 0; i < data.length; i += 100) {
      const got = interpreter.push(data.subarray(i, i + 100));
      if (i + 100 < raster.length) expect(got).toEqual([]);
      steps.push(...got);
    }
    expect(steps.map((s) => s.bytes.length)).toEqual([raster.length, 5, 1]);
    expect(steps.flatMap((s) => s.items)).toEqual([
      { kind: 'unknown', reason: 'unsupported', hex: '1d 76 30 00 48 00 e8 03 0a 0a 0a 0a 0a 0a 0a 0a …', length: raster.length },
      expect.objectContaining({ kind: 'text', text: 'after' }),
    ]);
  });

  it('reports each command with its own bytes', () => {
    const steps = new EscPosInterpreter().push(bytes([0x1b, 0x40], 'ab', [0x0a, 0x10, 0x04, 0x04]));
    expect(steps.map((s) => Buffer.from(s.bytes).toString('hex'))).toEqual(['1b40', '6162', '0a', '100404']);
    expect(steps[3]!.items).toEqual([{ kind: 'status-query', n: 4 }]);
  });
});

describe('parseEscPos commands', () => {
  it('reads GS ( H fn 48 as a process ID and skips other GS ( H functions by their length', () => {
    expect(parseEscPos(bytes([0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30], 'AB2D'))).toEqual([{ kind: 'process-id', id: 'AB2D' }]);
    expect(parseEscPos(bytes([0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x41, 0x42, 0x43, 0x01]))).toMatchObject([{ kind: 'unknown', reason: 'invalid' }]);
    expect(parseEscPos(bytes([0x1d, 0x28, 0x48, 0x03, 0x00, 0x31, 0x30, 0x30], 'X', [0x0a]))).toMatchObject([
      { kind: 'unknown', reason: 'unsupported' },
      { kind: 'text', text: 'X' },
    ]);
  });

  it('decodes GB18030 only in Chinese mode', () => {
    const zhang = [0xd5, 0xc5];
    expect(parseEscPos(bytes([0x1c, 0x26], zhang, [0x0a]))).toMatchObject([{ kind: 'text', text: '张' }]);
    expect(parseEscPos(bytes([0x1c, 0x26, 0x1c, 0x2e], zhang, [0x0a]))).toMatchObject([{ kind: 'text', text: '╒┼' }]);
    expect(parseEscPos(bytes(zhang, [0x0a]), { chineseMode: true })).toMatchObject([{ kind: 'text', text: '张' }]);
    // four-byte GB18030 survives too
    expect(parseEscPos(bytes([0x1c, 0x26, 0x94, 0x39, 0xfc, 0x36, 0x0a]))).toMatchObject([{ kind: 'text', text: '😀' }]);
  });

  it('applies ESC ! print modes', () => {
    const items = parseEscPos(bytes([0x1b, 0x21, 0x38], 'A', [0x1b, 0x21, 0x80], 'B', [0x1b, 0x21, 0x00], 'C', [0x0a]));
    expect(items).toMatchObject([
      {
        kind: 'text',
        text: 'ABC',
        bold: false,
        width: 2,
        height: 2,
        runs: [
          { text: 'A', bold: true, width: 2, height: 2, underline: false },
          { text: 'B', bold: false, width: 1, height: 1, underline: true },
          { text: 'C', bold: false, width: 1, height: 1, underline: false },
        ],
      },
    ]);
  });

  it('applies GS ! sizes and ESC E bold, and rejects a size out of range', () => {
    expect(parseEscPos(bytes([0x1d, 0x21, 0x21, 0x1b, 0x45, 0x01], 'x', [0x0a]))).toMatchObject([{ text: 'x', width: 3, height: 2, bold: true }]);
    expect(parseEscPos(bytes([0x1d, 0x21, 0x88], 'x', [0x0a]))).toMatchObject([
      { kind: 'unknown', reason: 'invalid', hex: '1d 21 88' },
      { text: 'x', width: 1, height: 1 },
    ]);
  });

  it('takes the alignment in force when a line starts (ESC a n, n = 0–2 or 48–50)', () => {
    const items = parseEscPos(bytes([0x1b, 0x61, 0x01], 'a', [0x1b, 0x61, 0x32], 'b', [0x0a], 'c', [0x0a, 0x1b, 0x61, 0x30], 'd', [0x0a]));
    expect(items.map((i) => (i.kind === 'text' ? `${i.text}:${i.align}` : i.kind))).toEqual(['ab:center', 'c:right', 'd:left']);
  });

  it('turns LF, ESC d and ESC J into lines and feeds, and ignores CR', () => {
    expect(parseEscPos(bytes('a', [0x0d, 0x0a, 0x0a, 0x0a, 0x1b, 0x64, 0x03], 'b', [0x1b, 0x64, 0x03, 0x1b, 0x4a, 0x18]))).toEqual([
      expect.objectContaining({ kind: 'text', text: 'a' }),
      { kind: 'feed', lines: 5 },
      expect.objectContaining({ kind: 'text', text: 'b' }),
      { kind: 'feed', lines: 2 },
      { kind: 'feed-dots', dots: 24 },
    ]);
  });

  it('clears the print buffer and modes on ESC @', () => {
    expect(parseEscPos(bytes([0x1b, 0x45, 0x01], 'lost', [0x1b, 0x40], 'kept', [0x0a]))).toEqual([
      expect.objectContaining({ kind: 'text', text: 'kept', bold: false }),
    ]);
  });

  it.each([
    ['1d 56 00', false, 0],
    ['1d 56 30', false, 0],
    ['1d 56 01', true, 0],
    ['1d 56 31', true, 0],
    ['1d 56 41 10', false, 16],
    ['1d 56 42 05', true, 5],
    ['1d 56 61 03', false, 3],
    ['1d 56 62 03', true, 3],
    ['1d 56 67 02', false, 2],
    ['1d 56 68 02', true, 2],
    ['1b 69', false, 0],
    ['1b 6d', true, 0],
  ])('reads the cut %s', (hex, partial, feed) => {
    const items = parseEscPos(bytes('x', [...Buffer.from(hex.replace(/ /g, ''), 'hex')], 'y'));
    expect(items).toEqual([expect.objectContaining({ kind: 'text', text: 'x' }), { kind: 'cut', partial, feed }, expect.objectContaining({ text: 'y' })]);
  });

  it('rejects a GS V with an undefined function', () => {
    expect(parseEscPos(bytes([0x1d, 0x56, 0x07]))).toEqual([{ kind: 'unknown', reason: 'invalid', hex: '1d 56 07', length: 3 }]);
  });

  it('records DLE EOT 1–4 as status queries', () => {
    expect(parseEscPos(bytes([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04]))).toEqual(
      [1, 2, 3, 4].map((n) => ({ kind: 'status-query', n })),
    );
    expect(parseEscPos(bytes([0x10, 0x04, 0x07, 0x01]))).toMatchObject([{ kind: 'unknown', length: 4 }]);
  });

  it('skips GS ( k functions it does not draw by their length, even when the data holds command bytes', () => {
    const pdf417 = [0x1d, 0x28, 0x6b, 0x05, 0x00, 0x30, 0x50, 0x30, 0x1d, 0x56]; // PDF417 store "GS V"
    const qrSizeInfo = [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x52, 0x30];
    const otherGsParen = [0x1d, 0x28, 0x41, 0x02, 0x00, 0x00, 0x02]; // GS ( A test print
    const items = parseEscPos(bytes(pdf417, qrSizeInfo, otherGsParen, 'ok', [0x0a]));
    expect(kinds(items)).toEqual(['unknown', 'unknown', 'unknown', 'text']);
    expect(items.slice(0, 3).map((i) => (i.kind === 'unknown' ? [i.reason, i.length] : null))).toEqual([
      ['unsupported', 10],
      ['unsupported', 8],
      ['unsupported', 7],
    ]);
  });

  it('prints QR data that contains command bytes intact', () => {
    const payload = Uint8Array.of(0x1d, 0x56, 0x00, 0x0a, 0x10, 0x04, 0x01, 0xff);
    const items = parseEscPos(new EscPosBuilder().qrModel(1).qrModuleSize(4).qrErrorLevel('H').qrStore(payload).qrPrint().build());
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'qr', model: 1, moduleSize: 4, errorLevel: 'H', align: 'left' });
    if (items[0]?.kind === 'qr') expect([...items[0].bytes]).toEqual([...payload]);
  });

  it('uses the QR defaults (model 2, size 3, level L) and prints nothing without stored data', () => {
    const store = [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x50, 0x30, 0x41];
    const print = [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30];
    expect(parseEscPos(bytes(print))).toMatchObject([{ kind: 'unknown', reason: 'invalid' }]);
    expect(parseEscPos(bytes(store, print))).toMatchObject([{ kind: 'qr', data: 'A', model: 2, moduleSize: 3, errorLevel: 'L' }]);
  });

  it('flushes text printed without a final LF at the end of the stream', () => {
    expect(parseEscPos(bytes('tail'))).toMatchObject([{ kind: 'text', text: 'tail' }]);
  });

  it('records unknown and truncated sequences and carries on', () => {
    expect(parseEscPos(bytes([0x1b, 0x7e], 'a', [0x00, 0x0a]))).toEqual([
      { kind: 'unknown', reason: 'unknown', hex: '1b 7e', length: 2 },
      { kind: 'unknown', reason: 'unknown', hex: '00', length: 1 },
      expect.objectContaining({ kind: 'text', text: 'a' }),
    ]);
    expect(parseEscPos(bytes('a', [0x0a, 0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31]))).toEqual([
      expect.objectContaining({ kind: 'text', text: 'a' }),
      { kind: 'unknown', reason: 'truncated', hex: '1d 28 6b 10 00 31', length: 6 },
    ]);
    expect(parseEscPos(bytes([0x1b]))).toEqual([{ kind: 'unknown', reason: 'truncated', hex: '1b', length: 1 }]);
  });

  it('skips well-known commands it does not model by their length', () => {
    const items = parseEscPos(
      bytes(
        [0x1b, 0x74, 0x00], // ESC t: code table
        [0x1b, 0x70, 0x00, 0x19, 0xfa], // ESC p: drawer kick
        [0x1b, 0x44, 0x08, 0x10, 0x00], // ESC D: tab stops
        [0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0x0a, 0x0a], // GS v 0: 1 × 2 raster
        [0x1d, 0x6b, 0x04, 0x31, 0x32, 0x00], // GS k: CODE39 "12"
        [0x1d, 0x6b, 0x49, 0x02, 0x0a, 0x0a], // GS k: CODE128, counted
        'x',
        [0x0a],
      ),
    );
    expect(items.map((i) => (i.kind === 'unknown' ? `${i.reason}:${i.length}` : i.kind))).toEqual([
      'unsupported:3',
      'unsupported:5',
      'unsupported:5',
      'unsupported:10',
      'unsupported:6',
      'unsupported:6',
      'text',
    ]);
  });
});

describe('parseEscPos fuzz', () => {
  const COMMAND_BYTES = [0x0a, 0x0d, 0x10, 0x04, 0x1b, 0x1c, 0x1d, 0x28, 0x6b, 0x31, 0x56, 0x00, 0x01, 0x03, 0xff];

  it('never throws on random bytes, whole or in chunks', () => {
    const random = seededRandom(20240501);
    for (let round = 0; round < 400; round++) {
      const length = Math.floor(random() * 600);
      const data = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        // Bias towards command bytes so the command paths get exercised, not just text.
        data[i] = random() < 0.4 ? COMMAND_BYTES[Math.floor(random() * COMMAND_BYTES.length)]! : Math.floor(random() * 256);
      }
      const whole = parseEscPos(data, { chineseMode: round % 2 === 0 });
      const interpreter = new EscPosInterpreter({ chineseMode: round % 2 === 0 });
      const items: EscPosItem[] = [];
      for (let i = 0; i < length; i += 7) for (const step of interpreter.push(data.subarray(i, i + 7))) items.push(...step.items);
      for (const step of interpreter.end()) items.push(...step.items);
      expect(mergeFeeds(items)).toEqual(whole);
    }
  });

  it('never throws on a real receipt with bytes flipped, dropped or cut short', () => {
    const valid = encodeReceipt(RECEIPT);
    const random = seededRandom(99);
    for (let round = 0; round < 300; round++) {
      const data = Array.from(valid);
      for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
        const at = Math.floor(random() * data.length);
        if (random() < 0.5) data[at] = Math.floor(random() * 256);
        else data.splice(at, 1);
      }
      const items = parseEscPos(Uint8Array.from(data.slice(0, Math.floor(random() * data.length) + 1)));
      expect(Array.isArray(items)).toBe(true);
    }
  });

  it('survives a line with very many style changes', () => {
    const data: number[] = [];
    for (let i = 0; i < 200_000; i++) data.push(0x1b, 0x45, i % 2, 0x41);
    const items = parseEscPos(Uint8Array.from(data));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'text', bold: false, width: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from './escpos-builder';
import { EscPosError } from './escpos-error';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').replace(/(..)(?=.)/g, '$1 ');

describe('EscPosBuilder', () => {
  it('emits the basic commands with the bytes of the ESC/POS reference', () => {
    expect(hex(new EscPosBuilder().init().build())).toBe('1b 40');
    expect(hex(new EscPosBuilder().chineseMode(true).chineseMode(false).build())).toBe('1c 26 1c 2e');
    expect(hex(new EscPosBuilder().align('left').align('center').align('right').build())).toBe('1b 61 00 1b 61 01 1b 61 02');
    expect(hex(new EscPosBuilder().size(1, 1).size(2, 2).size(2, 1).size(8, 8).build())).toBe('1d 21 00 1d 21 11 1d 21 10 1d 21 77');
    expect(hex(new EscPosBuilder().bold(true).bold(false).build())).toBe('1b 45 01 1b 45 00');
    expect(hex(new EscPosBuilder().newline().feed(3).build())).toBe('0a 1b 64 03');
    expect(hex(new EscPosBuilder().cut().cut('partial').build())).toBe('1d 56 00 1d 56 01');
  });

  it('encodes text as GB18030', () => {
    expect(hex(new EscPosBuilder().text('张').build())).toBe('d5 c5');
    expect(hex(new EscPosBuilder().text('A张：￥').build())).toBe('41 d5 c5 a3 ba a3 a4');
    expect(hex(new EscPosBuilder().line('养老').build())).toBe('d1 f8 c0 cf 0a');
  });

  it('refuses control characters in text, which the printer would run as commands', () => {
    expect(() => new EscPosBuilder().text('a\x1b@')).toThrow(EscPosError);
    expect(() => new EscPosBuilder().text('a\nb')).toThrow(expect.objectContaining({ code: 'ESCPOS_CONTROL_CHARACTER' }));
  });

  it('emits the QR sequence of GS ( k: model 2, size, level M, store, print', () => {
    const bytes = new EscPosBuilder().qrCode('AB').build();
    expect(hex(bytes)).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00', // model 2
        '1d 28 6b 03 00 31 43 06', // module size 6
        '1d 28 6b 03 00 31 45 31', // error level M
        '1d 28 6b 05 00 31 50 30 41 42', // store: pL = 2 + 3
        '1d 28 6b 03 00 31 51 30', // print
      ].join(' '),
    );
    expect(hex(new EscPosBuilder().qrErrorLevel('L').qrErrorLevel('H').qrModel(1).build())).toBe(
      '1d 28 6b 03 00 31 45 30 1d 28 6b 03 00 31 45 33 1d 28 6b 04 00 31 41 31 00',
    );
  });

  it.each([
    [1, '04 00'],
    [16, '13 00'],
    [300, '2f 01'], // 303 = 0x012f
  ])('stores a %i-byte QR payload with pL pH = length + 3 (%s)', (length, plph) => {
    const data = new Uint8Array(length).fill(0x41);
    const bytes = new EscPosBuilder().qrStore(data).build();
    expect(hex(bytes.subarray(0, 8))).toBe(`1d 28 6b ${plph} 31 50 30`);
    expect(bytes.length).toBe(8 + length);
    expect(bytes[3]! + bytes[4]! * 256 - 3).toBe(length);
  });

  it('stores string QR data as UTF-8', () => {
    expect(hex(new EscPosBuilder().qrStore('张').build())).toBe('1d 28 6b 06 00 31 50 30 e5 bc a0');
  });

  it('rejects arguments outside the command ranges with a typed error', () => {
    expect(() => new EscPosBuilder().size(0, 1)).toThrow(expect.objectContaining({ code: 'ESCPOS_INVALID_ARGUMENT' }));
    expect(() => new EscPosBuilder().size(1, 9)).toThrow(EscPosError);
    expect(() => new EscPosBuilder().feed(256)).toThrow(EscPosError);
    expect(() => new EscPosBuilder().feed(1.5)).toThrow(EscPosError);
    expect(() => new EscPosBuilder().qrModuleSize(17)).toThrow(EscPosError);
    expect(() => new EscPosBuilder().qrStore('')).toThrow(expect.objectContaining({ code: 'ESCPOS_QR_TOO_LONG' }));
    expect(() => new EscPosBuilder().qrStore(new Uint8Array(7090))).toThrow(expect.objectContaining({ code: 'ESCPOS_QR_TOO_LONG' }));
  });

  it('builds the bytes in order and can append raw bytes', () => {
    const b = new EscPosBuilder().raw([0x10, 0x04, 0x01]).raw(Uint8Array.of(0x0a));
    expect(hex(b.build())).toBe('10 04 01 0a');
    expect(hex(b.build())).toBe('10 04 01 0a');
  });
});

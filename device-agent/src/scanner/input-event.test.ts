import { describe, expect, it } from 'vitest';
import { EV_KEY, decodeInputEvent, encodeInputEvent } from './input-event';

describe('struct input_event', () => {
  it('is 24 bytes on 64-bit: s64 seconds, s64 microseconds, u16 type, u16 code, s32 value, little-endian', () => {
    const bytes = encodeInputEvent({ timeUs: 1_700_000_000_250_000, type: EV_KEY, code: 30, value: 1 }, 24);
    expect(bytes.toString('hex')).toBe(
      '00f1536500000000' + // 1_700_000_000 s
      '90d0030000000000' + // 250_000 µs
      '0100' + '1e00' + '01000000',
    );
    expect(decodeInputEvent(bytes, 0, 24)).toEqual({ timeUs: 1_700_000_000_250_000, type: 1, code: 30, value: 1 });
  });

  it('is 16 bytes on 32-bit: s32 seconds and microseconds', () => {
    const bytes = encodeInputEvent({ timeUs: 5_000_007, type: EV_KEY, code: 28, value: 0 }, 16);
    expect(bytes.toString('hex')).toBe('05000000' + '07000000' + '0100' + '1c00' + '00000000');
    expect(decodeInputEvent(bytes, 0, 16)).toEqual({ timeUs: 5_000_007, type: 1, code: 28, value: 0 });
  });

  it('decodes a negative value and a record at an offset', () => {
    const two = Buffer.concat([encodeInputEvent({ timeUs: 0, type: 2, code: 0, value: 0 }), encodeInputEvent({ timeUs: 0, type: 2, code: 1, value: -3 })]);
    expect(decodeInputEvent(two, 24)).toMatchObject({ type: 2, code: 1, value: -3 });
  });
});

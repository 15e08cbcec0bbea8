/**
 * Linux `struct input_event` (linux/input.h), as read from /dev/input/event*:
 *   64-bit userland (24 bytes): tv_sec s64, tv_usec s64, type u16, code u16, value s32
 *   32-bit userland (16 bytes): tv_sec s32, tv_usec s32, type u16, code u16, value s32
 * Little-endian, as on every x86 and ARM kiosk PC.
 */
export type InputEventSize = 16 | 24;

export const EV_SYN = 0x00;
export const EV_KEY = 0x01;
export const EV_MSC = 0x04;
export const SYN_REPORT = 0;
export const MSC_SCAN = 4;

/** EV_KEY values. */
export const KEY_RELEASE = 0;
export const KEY_PRESS = 1;
export const KEY_REPEAT = 2;

export interface InputEvent {
  /** Microseconds since the epoch (from tv_sec and tv_usec). */
  timeUs: number;
  type: number;
  code: number;
  value: number;
}

/** The size this machine's kernel uses for its own userland. */
export const NATIVE_INPUT_EVENT_SIZE: InputEventSize = ['x64', 'arm64', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'].includes(process.arch) ? 24 : 16;

export function encodeInputEvent(event: InputEvent, size: InputEventSize = 24): Buffer {
  const buf = Buffer.alloc(size);
  const seconds = Math.floor(event.timeUs / 1e6);
  const micros = event.timeUs - seconds * 1e6;
  if (size === 24) {
    buf.writeBigInt64LE(BigInt(seconds), 0);
    buf.writeBigInt64LE(BigInt(micros), 8);
  } else {
    buf.writeInt32LE(seconds, 0);
    buf.writeInt32LE(micros, 4);
  }
  const at = size - 8;
  buf.writeUInt16LE(event.type, at);
  buf.writeUInt16LE(event.code, at + 2);
  buf.writeInt32LE(event.value, at + 4);
  return buf;
}

export function decodeInputEvent(buf: Buffer, offset: number, size: InputEventSize = 24): InputEvent {
  const seconds = size === 24 ? Number(buf.readBigInt64LE(offset)) : buf.readInt32LE(offset);
  const micros = size === 24 ? Number(buf.readBigInt64LE(offset + 8)) : buf.readInt32LE(offset + 4);
  const at = offset + size - 8;
  return { timeUs: seconds * 1e6 + micros, type: buf.readUInt16LE(at), code: buf.readUInt16LE(at + 2), value: buf.readInt32LE(at + 4) };
}

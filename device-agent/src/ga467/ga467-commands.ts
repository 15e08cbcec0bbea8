/** The GA 467 SAM commands as [CMD, PARA]. */
export const Ga467Command = {
  reset: [0x10, 0xff],
  status: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  /** Text (256 bytes) and photo (1024 bytes). */
  readText: [0x30, 0x01],
  /** Extra address (追加住址) written after issue. */
  readExtraAddress: [0x30, 0x03],
  /** Text, photo and fingerprint data. */
  readWithFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;

export type Ga467CommandName = keyof typeof Ga467Command;

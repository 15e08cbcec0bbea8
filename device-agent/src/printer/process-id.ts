/**
 * Epson's process ID response (GS ( H, fn 48): the host tags the end of a job with four
 * characters and the printer sends them back once everything before them is on paper. Many
 * cheap printers lack it, so it is a per-printer option; DLE EOT alone cannot say "printed".
 *
 *   command  1D 28 48 06 00 30 30 d1 d2 d3 d4   (d = 0x20–0x7e)
 *   response 37 22 d1 d2 d3 d4 00                (header 37H, identifier 22H, NUL)
 */
export const PROCESS_ID_HEADER = 0x37;
export const PROCESS_ID_IDENTIFIER = 0x22;

/**
 * Letters that can never pass for a DLE EOT status byte (bit 0 = 0, bit 1 = 1, bit 4 = 1,
 * bit 7 = 0), so an ID byte split off its block is still never mistaken for a status reply.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQT';

/** The ID for a job number: four letters, repeating after 65 536 jobs. */
export function processIdFor(sequence: number): string {
  let n = Math.abs(Math.trunc(sequence)) % ALPHABET.length ** 4;
  let id = '';
  for (let i = 0; i < 4; i++) {
    id = ALPHABET[n % ALPHABET.length]! + id;
    n = Math.floor(n / ALPHABET.length);
  }
  return id;
}

function idBytes(id: string): number[] {
  const bytes = [...id].map((c) => c.charCodeAt(0));
  if (bytes.length !== 4 || bytes.some((b) => b < 0x20 || b > 0x7e)) throw new RangeError(`A process ID is 4 characters 0x20–0x7e, got "${id}"`);
  return bytes;
}

export function processIdCommand(id: string): Uint8Array {
  return Uint8Array.of(0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, ...idBytes(id));
}

export function processIdResponse(id: string): Uint8Array {
  return Uint8Array.of(PROCESS_ID_HEADER, PROCESS_ID_IDENTIFIER, ...idBytes(id), 0x00);
}

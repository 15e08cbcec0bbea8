import { isValidStatusByte } from './printer-status';
import { PROCESS_ID_HEADER, PROCESS_ID_IDENTIFIER } from './process-id';

export type PrinterReply = { kind: 'status'; byte: number } | { kind: 'process-id'; id: string };

/** A block starts with 37H and ends with NUL; Epson's longest we expect is 7 bytes. */
const MAX_BLOCK = 16;

/**
 * Splits what a printer sends back into DLE EOT status bytes and process ID responses, across
 * chunk boundaries. A block header (37H) can never be a status byte (bit 0 is set), and the bytes
 * inside a block are never taken as status. Anything else is noise and dropped.
 */
export class PrinterReplyReader {
  private block: number[] | null = null;

  push(chunk: Uint8Array): PrinterReply[] {
    const replies: PrinterReply[] = [];
    for (const byte of chunk) {
      if (this.block) {
        if (byte !== 0x00) {
          this.block.push(byte);
          if (this.block.length > MAX_BLOCK) this.block = null;
          continue;
        }
        const block = this.block;
        this.block = null;
        if (block[0] === PROCESS_ID_IDENTIFIER && block.length === 5) {
          replies.push({ kind: 'process-id', id: String.fromCharCode(...block.slice(1)) });
        }
        continue;
      }
      if (byte === PROCESS_ID_HEADER) this.block = [];
      else if (isValidStatusByte(byte)) replies.push({ kind: 'status', byte });
    }
    return replies;
  }
}

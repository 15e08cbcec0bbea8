import { ReaderError } from '../ga467/reader-error';
import { Ga467Reader } from '../reader/ga467-reader';
import { systemTimers, type Timers } from '../reader/timers';
import type { ByteTransport } from '../transports/byte-transport';
import { parseDeviceAddress } from '../transports/device-address';
import { createTransport } from '../transports/open-transport';
import { CliError } from './cli-error';
import type { CliIo } from './cli-io';
import { maskedCard, type MaskedCard } from './masked-card';

export interface TestReadOptions {
  reader: string;
  /** Seconds to wait for a card. */
  timeoutS: number;
  pollMs?: number;
  timers?: Timers;
}

export interface TestReadResult {
  address: string;
  samId: string;
  samHealthy: true;
  card: MaskedCard;
}

/**
 * `device-agent test-read`: opens the reader itself (the agent must not hold it), checks the
 * SAM, waits for a card and prints it masked. Never prints a name or ID number in clear.
 */
export async function testReadCommand(options: TestReadOptions, io: CliIo): Promise<TestReadResult> {
  const timers = options.timers ?? systemTimers;
  if (parseDeviceAddress(options.reader).kind === 'sim') throw new CliError('CLI_USAGE', 'test-read talks to a real reader; sim: lives inside a running agent (use the /tech page)');
  const transport = await openOrFail(options.reader, 'reader');
  const reader = new Ga467Reader(transport, { timers });
  try {
    let samId: string;
    try {
      await reader.status();
      samId = await reader.samId();
    } catch (err) {
      if (err instanceof ReaderError && (err.code === 'READER_TIMEOUT' || err.code === 'READER_DISCONNECTED')) {
        throw new CliError('CLI_NO_DEVICE', `No GA 467 reader answers at ${options.reader} (${err.code})`);
      }
      throw new CliError('CLI_DEVICE_FAULT', `The reader's SAM reports a fault: ${(err as Error).message}`);
    }
    io.err(`SAM ${samId} healthy; place a card within ${options.timeoutS} s …`);
    const deadline = Date.now() + options.timeoutS * 1000;
    for (;;) {
      if (await reader.findCard()) break;
      if (Date.now() >= deadline) throw new CliError('CLI_NO_CARD', `No card on the reader within ${options.timeoutS} s`);
      await new Promise<void>((resolve) => timers.setTimeout(resolve, options.pollMs ?? 300));
    }
    try {
      await reader.selectCard();
      const { card, photo } = await reader.readCard();
      return { address: options.reader, samId, samHealthy: true, card: maskedCard(card, photo) };
    } catch (err) {
      throw new CliError('CLI_DEVICE_FAULT', `The card could not be read: ${(err as ReaderError).code ?? (err as Error).message}; place it again`);
    }
  } finally {
    reader.dispose();
    await transport.close().catch(() => {});
  }
}

export async function openOrFail(address: string, what: string): Promise<ByteTransport> {
  const transport = createTransport(address);
  try {
    await transport.open();
  } catch (err) {
    throw new CliError('CLI_NO_DEVICE', `Cannot open the ${what} at ${address}: ${(err as Error).message}`);
  }
  return transport;
}

import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { demoResidents, shanghaiDate, type DemoResident, type IdCardData } from '@eldercare/domain';
import { encodeCardReadData } from '../ga467/card-read-data';
import { Ga467Command, type Ga467CommandName } from '../ga467/ga467-commands';
import { encodeReply, parseCommand, type Ga467CommandFrame } from '../ga467/ga467-frame';
import { Ga467FrameSplitter, type FrameRejection } from '../ga467/ga467-frame-splitter';
import { Sw3 } from '../ga467/ga467-status';
import { encodeCardText } from '../ga467/card-text';
import { CARD_PHOTO_LENGTH } from '../ga467/card-text-block';
import { encodeSamId } from '../ga467/sam-id';
import type { ByteTransport } from '../transports/byte-transport';
import { SocketTransport } from '../transports/socket-transport';

export interface ReaderSimulatorOptions {
  /** Reported by the SAM id command. */
  samId?: string;
  /** The Shanghai date the demo residents' ages are computed for; defaults to today. */
  today?: string;
}

export class UnknownDemoCardError extends Error {
  readonly code = 'UNKNOWN_DEMO_CARD';
  constructor(key: string) {
    super(`No demo resident "${key}"`);
    this.name = 'UnknownDemoCardError';
  }
}

/** One command the simulator answered, for logs and tests. */
export interface SimulatedExchange {
  command: Ga467CommandName | 'unknown' | 'corrupt';
  sw3: number;
}

interface PlacedCard {
  card: IdCardData;
  text: Buffer;
  photo: Buffer;
  serial: Buffer;
}

const DEFAULT_SAM_ID = '05.01-20201218-0000001234-0000004321';

/**
 * A GA 467 SAM with a card slot, speaking the real frames: it answers reset, status, SAM id,
 * find, select, read (30 01), read with fingerprint (30 10: a SAM without fingerprint data on
 * the card answers with fingerprint length 0) and extra address (30 03: 91, none written), and
 * complains like the real module about bad checksums (10), bad lengths (11) and unknown
 * commands (21).
 */
export class ReaderSimulator {
  private placed: PlacedCard | undefined;
  private selected = false;
  private readFailuresToInject = 0;
  private selfTestFailed = false;
  private readonly samId: Buffer;
  private readonly today: string | undefined;
  private readonly detachers = new Set<() => void>();
  private readonly servers = new Map<Server, Set<Socket>>();
  private readonly exchangeListeners = new Set<(exchange: SimulatedExchange) => void>();
  private readonly counts = new Map<SimulatedExchange['command'], number>();

  constructor(options: ReaderSimulatorOptions = {}) {
    this.samId = encodeSamId(options.samId ?? DEFAULT_SAM_ID);
    this.today = options.today;
  }

  /** The demo residents this simulator serves, as of its date. */
  demoResidents(): DemoResident[] {
    return demoResidents(this.today ?? shanghaiDate(new Date()));
  }

  placeCard(card: IdCardData, photo?: Uint8Array): void {
    const text = encodeCardText(card);
    this.placed = {
      card,
      text,
      photo: photo ? Buffer.from(photo) : placeholderPhoto(card.idNumber),
      serial: createHash('sha256').update(`sn:${card.idNumber}`).digest().subarray(0, 8),
    };
    this.selected = false;
  }

  placeDemoCard(key: string): IdCardData {
    const resident = this.demoResidents().find((r) => r.key === key);
    if (!resident) throw new UnknownDemoCardError(key);
    this.placeCard(resident.card);
    return resident.card;
  }

  removeCard(): void {
    this.placed = undefined;
    this.selected = false;
  }

  get hasCard(): boolean {
    return this.placed !== undefined;
  }

  /** The next `count` card reads answer 41, as when a card is moved or badly placed. */
  failNextReads(count: number): void {
    this.readFailuresToInject = count;
  }

  /** While set, every command answers 60 (SAM self-test failed). */
  setSelfTestFailed(failed: boolean): void {
    this.selfTestFailed = failed;
  }

  /** How many times a command was answered (`corrupt` counts frames rejected for checksum/length). */
  commandCount(command: SimulatedExchange['command']): number {
    return this.counts.get(command) ?? 0;
  }

  onExchange(listener: (exchange: SimulatedExchange) => void): () => void {
    this.exchangeListeners.add(listener);
    return () => this.exchangeListeners.delete(listener);
  }

  /** Serves one link (the far end of a duplex pair, a pty, an accepted socket); returns a detach function. */
  attach(transport: ByteTransport): () => void {
    if (!transport.isOpen) void transport.open().catch(() => {});
    const splitter = new Ga467FrameSplitter();
    const reply = (frame: Buffer) => void transport.write(frame).catch(() => {});
    splitter.on('data', (frame: Buffer) => reply(this.answer(parseCommand(frame))));
    splitter.on('frame.rejected', (rejection: FrameRejection) => {
      const sw3 = rejection.reason === 'checksum' ? Sw3.CHECKSUM_ERROR : rejection.reason === 'length' ? Sw3.LENGTH_ERROR : undefined;
      if (sw3 === undefined) return;
      this.record({ command: 'corrupt', sw3 });
      reply(encodeReply(sw3));
    });
    const offData = transport.onData((chunk) => splitter.write(chunk));
    const offClose = transport.onClose(() => detach());
    const detach = () => {
      offData();
      offClose();
      splitter.destroy();
      this.detachers.delete(detach);
    };
    this.detachers.add(detach);
    return detach;
  }

  /** Accepts TCP connections (default on loopback); each one is a link to this reader. */
  async listenTcp(port = 0, host = '127.0.0.1'): Promise<{ host: string; port: number; close(): Promise<void> }> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      const detach = this.attach(new SocketTransport(socket));
      socket.once('close', () => {
        sockets.delete(socket);
        detach();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.servers.set(server, sockets);
    const address = server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    return {
      host,
      port: boundPort,
      close: () => this.closeServer(server),
    };
  }

  /** Detaches every link and stops every listener. */
  async close(): Promise<void> {
    for (const detach of [...this.detachers]) detach();
    await Promise.all([...this.servers.keys()].map((server) => this.closeServer(server)));
  }

  private closeServer(server: Server): Promise<void> {
    for (const socket of this.servers.get(server) ?? []) socket.destroy();
    this.servers.delete(server);
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private answer(frame: Ga467CommandFrame): Buffer {
    const command = commandName(frame);
    const [sw3, data] = this.execute(command, frame);
    this.record({ command, sw3 });
    return encodeReply(sw3, data);
  }

  private execute(command: Ga467CommandName | 'unknown', frame: Ga467CommandFrame): [number, Buffer?] {
    // None of the commands served here carries data: extra bytes are a malformed command.
    if (command === 'unknown' || frame.data.length > 0) return [Sw3.BAD_COMMAND];
    if (this.selfTestFailed) return [Sw3.SAM_SELF_TEST_FAILED];
    const card = this.placed;
    switch (command) {
      case 'reset':
        this.selected = false;
        return [Sw3.OK];
      case 'status':
        return [Sw3.OK];
      case 'samId':
        return [Sw3.OK, this.samId];
      case 'findCard':
        return card ? [Sw3.CARD_FOUND, Buffer.alloc(4)] : [Sw3.NO_CARD];
      case 'selectCard':
        if (!card) return [Sw3.SELECT_FAILED];
        this.selected = true;
        return [Sw3.OK, card.serial];
      case 'readText':
      case 'readWithFingerprint': {
        if (!card || !this.selected) return [Sw3.READ_FAILED];
        if (this.readFailuresToInject > 0) {
          this.readFailuresToInject--;
          return [Sw3.READ_FAILED];
        }
        const fingerprint = command === 'readWithFingerprint' ? Buffer.alloc(0) : undefined;
        return [Sw3.OK, encodeCardReadData({ text: card.text, photo: card.photo, ...(fingerprint ? { fingerprint } : {}) })];
      }
      case 'readExtraAddress':
        return card && this.selected ? [Sw3.NO_CONTENT] : [Sw3.READ_FAILED];
    }
  }

  private record(exchange: SimulatedExchange): void {
    this.counts.set(exchange.command, this.commandCount(exchange.command) + 1);
    for (const listener of [...this.exchangeListeners]) listener(exchange);
  }
}

function commandName(frame: Ga467CommandFrame): Ga467CommandName | 'unknown' {
  for (const [name, [cmd, para]] of Object.entries(Ga467Command)) {
    if (frame.cmd === cmd && frame.para === para) return name as Ga467CommandName;
  }
  return 'unknown';
}

/**
 * 1024 bytes standing in for the WLT photo. They are not a WLT image (no vendor codec here);
 * they are derived from the ID number so each card carries its own, stable bytes.
 */
function placeholderPhoto(seed: string): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < CARD_PHOTO_LENGTH; i++) {
    blocks.push(createHash('sha256').update(`photo:${seed}:${i}`).digest());
  }
  return Buffer.concat(blocks).subarray(0, CARD_PHOTO_LENGTH);
}

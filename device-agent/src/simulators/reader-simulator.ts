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
import { systemTimers, type Timers } from '../reader/timers';
import type { ByteTransport } from '../transports/byte-transport';
import { SocketTransport } from '../transports/socket-transport';
import type { ReaderFault } from './reader-fault';
import { seededRandom } from '@eldercare/domain';

export { ReaderFaultSchema, type ReaderFault } from './reader-fault';

export interface ReaderSimulatorOptions {
  /** Reported by the SAM id command. */
  samId?: string;
  /** The Shanghai date the demo residents' ages are computed for; defaults to today. */
  today?: string;
  /** Clock for the `slow` fault; fake timers in tests. */
  timers?: Timers;
  /** Seed of the `garbage` fault's bytes, so a failing run can be replayed. */
  seed?: number;
}

/** The faults in force, with what is left of the counted ones. */
interface FaultState {
  noCard: boolean;
  readFailures: number;
  readFailureSw3: number;
  badChecksums: number;
  garbageBytes: number;
  split: boolean;
  slowMs: number;
  silent: boolean;
}

const NO_FAULTS: FaultState = {
  noCard: false,
  readFailures: 0,
  readFailureSw3: Sw3.READ_FAILED,
  badChecksums: 0,
  garbageBytes: 0,
  split: false,
  slowMs: 0,
  silent: false,
};

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
  /** The `30 03` reply data, when an extra address was written on the card. */
  extraAddress: Buffer | undefined;
}

const DEFAULT_SAM_ID = '05.01-20201218-0000001234-0000004321';

/**
 * A GA 467 SAM with a card slot, speaking the real frames: it answers reset, status, SAM id,
 * find, select, read (30 01), read with fingerprint (30 10: a SAM without fingerprint data on
 * the card answers with fingerprint length 0) and extra address (30 03: 91 when none was
 * written), and complains like the real module about bad checksums (10), bad lengths (11) and
 * unknown commands (21). Any card type can be placed (resident, foreign permanent resident,
 * HK/Macau/Taiwan permit); `setFaults` makes it misbehave on the wire.
 */
export class ReaderSimulator {
  private placed: PlacedCard | undefined;
  private selected = false;
  private faults: FaultState = { ...NO_FAULTS };
  private selfTestFailed = false;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly samId: Buffer;
  private readonly today: string | undefined;
  private readonly detachers = new Set<() => void>();
  private readonly servers = new Map<Server, Set<Socket>>();
  private readonly exchangeListeners = new Set<(exchange: SimulatedExchange) => void>();
  private readonly counts = new Map<SimulatedExchange['command'], number>();

  constructor(options: ReaderSimulatorOptions = {}) {
    this.samId = encodeSamId(options.samId ?? DEFAULT_SAM_ID);
    this.today = options.today;
    this.timers = options.timers ?? systemTimers;
    this.random = seededRandom(options.seed ?? 467);
  }

  /** The demo residents this simulator serves, as of its date. */
  demoResidents(): DemoResident[] {
    return demoResidents(this.today ?? shanghaiDate(new Date()));
  }

  /** Places any card; its text is encoded in the layout of its type. */
  placeCard(card: IdCardData, photo?: Uint8Array): void {
    const text = encodeCardText(card);
    this.placed = {
      card,
      text,
      photo: photo ? Buffer.from(photo) : placeholderPhoto(card.idNumber),
      serial: createHash('sha256').update(`sn:${card.idNumber}`).digest().subarray(0, 8),
      extraAddress: card.extraAddress ? extraAddressData(card.extraAddress) : undefined,
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
    this.faults.readFailures = count;
    this.faults.readFailureSw3 = Sw3.READ_FAILED;
  }

  /** Replaces the misbehaviours in force (see ReaderFault). */
  setFaults(faults: readonly ReaderFault[]): void {
    const next: FaultState = { ...NO_FAULTS };
    for (const fault of faults) {
      switch (fault.kind) {
        case 'no-card':
          next.noCard = true;
          break;
        case 'read-failure':
          next.readFailures = fault.times;
          next.readFailureSw3 = fault.sw3 ?? Sw3.READ_FAILED;
          break;
        case 'bad-checksum':
          next.badChecksums = fault.times;
          break;
        case 'garbage':
          next.garbageBytes = fault.bytes;
          break;
        case 'split':
          next.split = true;
          break;
        case 'slow':
          next.slowMs = fault.delayMs;
          break;
        case 'silent':
          next.silent = true;
          break;
      }
    }
    this.faults = next;
  }

  clearFaults(): void {
    this.faults = { ...NO_FAULTS };
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
    const reply = (frame: Buffer) => this.send(transport, frame);
    splitter.on('data', (frame: Buffer) => {
      // A silent reader takes nothing in and says nothing.
      if (!this.faults.silent) reply(this.answer(parseCommand(frame)));
    });
    splitter.on('frame.rejected', (rejection: FrameRejection) => {
      const sw3 = rejection.reason === 'checksum' ? Sw3.CHECKSUM_ERROR : rejection.reason === 'length' ? Sw3.LENGTH_ERROR : undefined;
      if (sw3 === undefined || this.faults.silent) return;
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

  /** Puts a reply on the wire, spoilt by whatever faults are in force. */
  private send(transport: ByteTransport, frame: Buffer): void {
    const f = this.faults;
    let bytes = frame;
    if (f.badChecksums > 0) {
      f.badChecksums--;
      bytes = Buffer.from(frame);
      bytes[bytes.length - 1]! ^= 0x5a;
    }
    if (f.garbageBytes > 0) bytes = Buffer.concat([this.noise(f.garbageBytes), bytes]);
    const chunks = f.split ? [...bytes].map((b) => Buffer.from([b])) : [bytes];
    const write = () => {
      for (const chunk of chunks) void transport.write(chunk).catch(() => {});
    };
    if (f.slowMs > 0) this.timers.setTimeout(write, f.slowMs);
    else write();
  }

  /** Deterministic noise, so a failing fault test can be replayed. */
  private noise(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => Math.floor(this.random() * 256)));
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
        return card && !this.faults.noCard ? [Sw3.CARD_FOUND, Buffer.alloc(4)] : [Sw3.NO_CARD];
      case 'selectCard':
        if (!card) return [Sw3.SELECT_FAILED];
        this.selected = true;
        return [Sw3.OK, card.serial];
      case 'readText':
      case 'readWithFingerprint': {
        if (!card || !this.selected) return [Sw3.READ_FAILED];
        if (this.faults.readFailures > 0) {
          this.faults.readFailures--;
          return [this.faults.readFailureSw3];
        }
        const fingerprint = command === 'readWithFingerprint' ? Buffer.alloc(0) : undefined;
        return [Sw3.OK, encodeCardReadData({ text: card.text, photo: card.photo, ...(fingerprint ? { fingerprint } : {}) })];
      }
      case 'readExtraAddress':
        if (!card || !this.selected) return [Sw3.READ_FAILED];
        return card.extraAddress ? [Sw3.OK, card.extraAddress] : [Sw3.NO_CONTENT];
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

/** An extra address as the SAM hands it over: UCS-2LE in 70-byte fields padded with spaces. */
function extraAddressData(address: string): Buffer {
  const bytes = Buffer.from(address, 'utf16le');
  const padded = Buffer.from(' '.repeat(Math.ceil(bytes.length / 70) * 35), 'utf16le');
  bytes.copy(padded);
  return padded;
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

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTransport, openTransport } from './open-transport';
import { createPtyPair } from './pty-pair';
import { socatAvailable, tempLinkPath } from './test-support';
import { TransportOpenFailedError } from './transport-errors';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function nextData(transport: { onData(l: (c: Buffer) => void): () => void }, bytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const off = transport.onData((chunk) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).length >= bytes) {
        off();
        resolve(Buffer.concat(chunks));
      }
    });
  });
}

describe('openTransport', () => {
  it('opens hid: and usb: lazily: building works anywhere, a missing device fails to open with a typed error', async () => {
    for (const address of ['hid:0400:c35a', 'usb:0400:c35a']) {
      const transport = createTransport(address);
      expect(transport.isOpen).toBe(false);
      const err = await transport.open().then(() => undefined, (e: unknown) => e);
      // No such device here (and for usb: no /sys/bus/usb in a container): never a crash.
      expect(err).toBeInstanceOf(TransportOpenFailedError);
      expect((err as Error).message).toContain(address);
    }
  });

  it('builds evdev: transports and reports a missing input device as TRANSPORT_OPEN_FAILED', async () => {
    await expect(openTransport('evdev:/dev/input/by-id/usb-none-event-kbd')).rejects.toMatchObject({
      code: 'TRANSPORT_OPEN_FAILED',
      message: expect.stringContaining('unplugged'),
    });
  });

  it('leaves sim: to the agent', () => {
    expect(() => createTransport('sim:')).toThrow(expect.objectContaining({ code: 'TRANSPORT_UNAVAILABLE' }));
  });

  it('passes address syntax errors through', () => {
    expect(() => createTransport('bogus:1')).toThrow(expect.objectContaining({ code: 'INVALID_DEVICE_ADDRESS' }));
  });

  it('reports a missing serial device as TRANSPORT_OPEN_FAILED', async () => {
    await expect(openTransport('serial:/dev/does-not-exist-467')).rejects.toBeInstanceOf(TransportOpenFailedError);
  });

  it('reports a refused TCP connection as TRANSPORT_OPEN_FAILED', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await new Promise<void>((r) => server.close(() => r()));
    await expect(openTransport(`tcp:127.0.0.1:${port}`)).rejects.toMatchObject({ code: 'TRANSPORT_OPEN_FAILED' });
  });

  it('tcp: exchanges bytes both ways and reports the peer going away', async () => {
    let peer: Socket | undefined;
    const server = createServer((s) => {
      peer = s;
      s.on('data', (d) => s.write(Buffer.concat([Buffer.from('echo:'), d])));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const transport = await openTransport(`tcp:127.0.0.1:${port}`);
    expect(transport.isOpen).toBe(true);
    const reply = nextData(transport, 8);
    await transport.write(Buffer.from('abc'));
    expect((await reply).toString()).toBe('echo:abc');
    const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
    peer!.destroy();
    expect(await closed).toBeInstanceOf(Error);
    expect(transport.isOpen).toBe(false);
    server.close();
  });

  it('file: appends to a regular file and never reads from it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eldercare-file-'));
    dirs.push(dir);
    const path = join(dir, 'receipts.bin');
    const transport = await openTransport(`file:${path}`);
    await transport.write(Buffer.from([0x1b, 0x40]));
    await transport.write(Buffer.from('hello'));
    await transport.close();
    expect(await readFile(path)).toEqual(Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from('hello')]));
    await expect(openTransport(`file:${dir}`)).rejects.toMatchObject({ code: 'TRANSPORT_OPEN_FAILED' });
    await expect(openTransport('file:/dev/usb/lp467-missing')).rejects.toMatchObject({ code: 'TRANSPORT_OPEN_FAILED' });
  });
});

describe.runIf(socatAvailable())('transports over a real pseudo-terminal (socat)', () => {
  it('serial: and file: talk to each other through a pty pair, both ways', async () => {
    const pair = await createPtyPair(tempLinkPath('agent'), tempLinkPath('sim'));
    try {
      const serial = await openTransport(`serial:${pair.agentPath}?baud=115200`);
      const device = await openTransport(`file:${pair.simPath}`);
      const atDevice = nextData(device, 4);
      await serial.write(Buffer.from([0xaa, 0x00, 0xff, 0x10]));
      expect(await atDevice).toEqual(Buffer.from([0xaa, 0x00, 0xff, 0x10]));
      const big = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
      const atSerial = nextData(serial, big.length);
      await device.write(big);
      expect(await atSerial).toEqual(big);
      await serial.close();
      await device.close();
    } finally {
      await pair.close();
    }
  });

  it('reports the link lost when socat goes away', async () => {
    const pair = await createPtyPair(tempLinkPath('agent'), tempLinkPath('sim'));
    const serial = await openTransport(`serial:${pair.agentPath}`);
    const device = await openTransport(`file:${pair.simPath}`);
    const closed = new Promise<Error | undefined>((resolve) => serial.onClose(resolve));
    // Once bytes flow the link is established, as a real reader's is.
    const first = nextData(serial, 1);
    await device.write(Buffer.from([0x90]));
    await first;
    await pair.close();
    expect(await closed).toBeInstanceOf(Error);
    await device.close();
  });
});

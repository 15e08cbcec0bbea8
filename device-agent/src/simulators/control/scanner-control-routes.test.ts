import { afterEach, describe, expect, it } from 'vitest';
import { ScannerSimulator } from '../scanner-simulator';
import { buildControlApp } from './build-control-app';

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function scannerApp() {
  const scanner = new ScannerSimulator({ mode: 'serial' });
  const app = buildControlApp({ kind: 'scanner', scanner });
  apps.push(app);
  return { scanner, app };
}

describe('scanner control API', () => {
  it('scans text with its terminator and sends garbage as given, through what the scanner is attached to', async () => {
    const { scanner, app } = scannerApp();
    const written: Buffer[] = [];
    scanner.attach({ write: async (data) => void written.push(Buffer.from(data)) });
    expect((await app.inject({ method: 'POST', url: '/scan', payload: { text: 'YL20261122000123' } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'POST', url: '/scan', payload: { text: 'AB', terminator: 'crlf', chunkSize: 1 } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'POST', url: '/garbage', payload: { hex: '00ff1b' } })).statusCode).toBe(204);
    expect(written.map((b) => b.toString('hex'))).toEqual([
      Buffer.from('YL20261122000123\r').toString('hex'),
      '41', '42', '0d', '0a',
      '00ff1b',
    ]);
  });

  it('says 409 while nothing reads the scanner, and 400 for bad bodies; it has no link routes', async () => {
    const { app } = scannerApp();
    const early = await app.inject({ method: 'POST', url: '/scan', payload: { text: 'x' } });
    expect([early.statusCode, early.json<{ code: string }>().code]).toEqual([409, 'SCANNER_NOT_ATTACHED']);
    expect((await app.inject({ method: 'POST', url: '/garbage', payload: { hex: 'abc' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/scan', payload: { text: '' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/disconnect', payload: { forMs: 10 } })).statusCode).toBe(404);
  });
});

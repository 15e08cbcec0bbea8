import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';

describe('POST/GET /api/v1/help-requests (呼叫工作人员)', () => {
  let app: FastifyInstance;
  let now = new Date('2026-11-30T02:00:00Z');
  beforeAll(async () => {
    app = await buildApp({ database: { kind: 'pglite' }, clock: () => now, seedDemoRegistry: false });
  });
  afterAll(() => app.close());

  it('records a call for staff once per kiosk while it is open, and lists the open ones', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-1', serviceKey: 'senior-card' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kioskId: 'kiosk-1', serviceKey: 'senior-card', requestedAt: '2026-11-30T02:00:00.000Z' });
    now = new Date('2026-11-30T02:00:05Z');
    const again = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-1', serviceKey: null } });
    expect(again.json().id).toBe(first.json().id);
    await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-2', serviceKey: null } });
    const open = await app.inject({ method: 'GET', url: '/api/v1/help-requests' });
    expect(open.json().map((r: { kioskId: string }) => r.kioskId)).toEqual(['kiosk-1', 'kiosk-2']);
    expect(open.json()[0]).toMatchObject({ reason: 'assistance', detail: null });
  });

  it('keeps a printer fault apart from a person\'s call, with its code', async () => {
    const call = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: { kioskId: 'kiosk-3', serviceKey: null } });
    const fault = { kioskId: 'kiosk-3', serviceKey: 'senior-card', reason: 'printer-fault', detail: 'PRINTER_PAPER_OUT' };
    const first = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: fault });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject(fault);
    expect(first.json().id).not.toBe(call.json().id);
    const again = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload: fault });
    expect(again.json().id).toBe(first.json().id);
  });

  it.each([{}, { kioskId: '' }, { kioskId: 'a b', serviceKey: null }, { kioskId: 'k', serviceKey: 'x', extra: 1 }, { kioskId: 'k'.repeat(65), serviceKey: null },
    { kioskId: 'k', serviceKey: null, reason: 'other' }, { kioskId: 'k', serviceKey: null, reason: 'printer-fault', detail: '张三' }])(
    'refuses %j with 400',
    async (payload) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/help-requests', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    },
  );
});

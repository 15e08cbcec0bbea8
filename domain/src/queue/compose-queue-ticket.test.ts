import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../contracts/queue-api';
import { ReceiptDocumentSchema } from '../receipt/receipt-document';
import { Value } from 'typebox/value';
import { composeQueueTicket } from './compose-queue-ticket';

const centreName = { zh: '徐汇区天平路街道社区事务受理服务中心（演示）', en: 'Tianping Road Community Service Centre, Xuhui (demo)' };

const ticket: IssuedTicket = {
  ticketId: '0b8f5f7e-5a7c-4b7e-9d59-0f1f2f3f4f5f',
  centreId: 'xuhui-tianping',
  date: '2026-12-01',
  ticketNo: 'A012',
  category: { code: 'A', name: { zh: '养老服务', en: 'Elderly care services' } },
  priority: [],
  peopleAhead: 3,
  estimatedWaitMinutes: 15,
  issuedAt: '2026-12-01T01:05:00.000Z',
  qr: 'ELQ1:xuhui-tianping:20261201:A012',
  followPath: '/api/v1/queue/tickets/xuhui-tianping/2026-12-01/A012',
};

describe('composeQueueTicket', () => {
  it('prints the centre, category, a large number, people ahead, wait, Shanghai time and the ELQ1 QR', () => {
    const doc = composeQueueTicket(ticket, { locale: 'zh-CN', centreName });
    expect(Value.Check(ReceiptDocumentSchema, doc)).toBe(true);
    expect(doc.id).toBe('ticket.xuhui-tianping.2026-12-01.A012');
    expect(doc.blocks[0]).toEqual({ kind: 'text', text: centreName.zh, align: 'center', bold: true });
    expect(doc.blocks).toContainEqual({ kind: 'text', text: 'A 养老服务', align: 'center' });
    expect(doc.blocks).toContainEqual({ kind: 'text', text: 'A012', align: 'center', bold: true, size: 'large' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '前面等候', value: '3位' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '预计等候', value: '约15分钟' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '取号时间', value: '2026-12-01 09:05' });
    expect(doc.blocks).toContainEqual({ kind: 'qr', data: 'ELQ1:xuhui-tianping:20261201:A012', caption: '扫码查看叫号进度' });
    expect(JSON.stringify(doc)).not.toContain('优先');
  });

  it('marks a priority ticket 优先 without saying why, and says 暂无法估计 when no counter is open', () => {
    const doc = composeQueueTicket({ ...ticket, priority: ['age80'], estimatedWaitMinutes: null }, { locale: 'zh-CN', centreName });
    const text = JSON.stringify(doc);
    expect(doc.blocks).toContainEqual({ kind: 'text', text: '★ 优先 ★', align: 'center', bold: true, size: 'large' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '预计等候', value: '暂无法估计' });
    expect(text).not.toContain('80');
  });

  it('speaks English when asked', () => {
    const doc = composeQueueTicket({ ...ticket, peopleAhead: 0 }, { locale: 'en', centreName });
    expect(doc.blocks[0]).toMatchObject({ text: centreName.en });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: 'Ahead of you', value: '0' });
    expect(doc.blocks).toContainEqual({ kind: 'qr', data: ticket.qr, caption: 'Scan to follow your turn' });
  });
});

import { describe, expect, it } from 'vitest';
import type { ApplicationView } from '../contracts/server-api';
import { composeApplicationReceipt } from './compose-application-receipt';

const application: ApplicationView = {
  applicationNo: 'YL20261130000042',
  serviceKey: 'allowance-channel',
  serviceName: { zh: '选择老年综合津贴领取渠道', en: 'Choose how to receive the senior comprehensive allowance' },
  status: 'completed',
  submittedAt: '2026-11-30T06:05:00.000Z',
  applicantNameMasked: '李**',
  idNumberMasked: '310***********1234',
  answers: { channel: 'social-security-card', previousChannel: 'senior-card' },
  details: [],
  parts: [],
  catalogueVersion: '2024-11-01.1',
};

describe('composeApplicationReceipt', () => {
  it('prints the masked applicant, the channel, the number and its QR code', () => {
    const doc = composeApplicationReceipt(application, { locale: 'zh-CN', centreName: '长宁区新泾镇社区事务受理服务中心' });
    const text = JSON.stringify(doc);
    expect(doc.id).toBe('YL20261130000042-r1');
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '申请人', value: '李**' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '证件号码', value: '310***********1234' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '领取渠道', value: '社会保障卡' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '原领取渠道', value: '敬老卡' });
    expect(doc.blocks).toContainEqual({ kind: 'qr', data: 'YL20261130000042', caption: expect.any(String) });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: '受理时间', value: '2026-11-30 14:05' });
    expect(text).toContain('免申即享');
  });

  it('speaks English when asked', () => {
    const doc = composeApplicationReceipt(application, { locale: 'en' });
    expect(doc.blocks).toContainEqual({ kind: 'field', label: 'Channel', value: 'Social security card' });
  });
});

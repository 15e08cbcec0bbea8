import { describe, expect, it } from 'vitest';
import type { ApplicationProgress } from '../contracts/progress-api';
import { ReceiptDocumentSchema } from '../receipt/receipt-document';
import { Value } from 'typebox/value';
import { composeProgressSlip } from './compose-progress-slip';
import { progressPart } from './progress-part';

const TODAY = '2026-10-12';

const joint: ApplicationProgress = {
  applicationNo: 'YL20260928000007',
  serviceKey: 'ltc-joint',
  serviceName: { zh: '长护险“一件事”', en: 'LTC joint application' },
  status: 'submitted',
  submittedOn: '2026-09-28',
  applicantNameMasked: '王*英',
  parts: [
    progressPart(
      { partNo: 1, serviceKey: 'ltc-assessment', department: 'medical-insurance', departmentName: { zh: '医保部门', en: 'Medical insurance bureau' }, kind: 'assessment', status: 'accepted' },
      [{ on: '2026-09-28', status: 'submitted' }, { on: '2026-09-30', status: 'accepted' }],
      '2026-09-28',
      TODAY,
    ),
    progressPart(
      { partNo: 2, serviceKey: 'care-subsidy', department: 'street-office', departmentName: { zh: '街道（乡镇）', en: 'Street / township office' }, kind: 'review', status: 'submitted' },
      [{ on: '2026-09-28', status: 'submitted' }],
      '2026-09-28',
      TODAY,
    ),
  ],
};

describe('composeProgressSlip', () => {
  it('prints each part in the words of the screen, its due date, a late warning and its history (golden blocks)', () => {
    const doc = composeProgressSlip([joint], { locale: 'zh-CN', asOf: TODAY, printId: 'p-1', centreName: '新泾镇社区事务受理服务中心' });
    expect(doc.id).toBe('progress-p-1');
    const service = joint.parts.map((p) => p.serviceName.zh);
    expect(doc.blocks).toEqual([
      { kind: 'text', text: '上海市养老服务“一件事”', align: 'center', bold: true },
      { kind: 'heading', text: '办理进度单' },
      { kind: 'field', label: '查询日期', value: '2026年10月12日' },
      { kind: 'field', label: '申请人', value: '王*英' },
      { kind: 'rule' },
      { kind: 'text', text: '长护险“一件事”', bold: true, size: 'large' },
      { kind: 'text', text: '申请编号 YL20260928000007' },
      { kind: 'text', text: '2026年9月28日申请' },
      { kind: 'text', text: `${service[0]}｜医保部门`, bold: true },
      { kind: 'text', text: '已受理，等待上门评估' },
      { kind: 'text', text: '预计2026年10月13日前上门' },
      { kind: 'text', text: '2026-09-28 已提交，待受理' },
      { kind: 'text', text: '2026-09-30 已受理' },
      { kind: 'text', text: `${service[1]}｜街道（乡镇）`, bold: true },
      { kind: 'text', text: '已提交，等待街道（乡镇）受理' },
      { kind: 'text', text: '预计2026年9月30日前受理' },
      { kind: 'text', text: '已超过预计时间，请问窗口工作人员', bold: true },
      { kind: 'text', text: '2026-09-28 已提交，待受理' },
      { kind: 'rule' },
      { kind: 'text', text: '进度以各部门办理结果为准。可凭申请回执二维码在自助机随时查询。' },
      { kind: 'text', text: '新泾镇社区事务受理服务中心', align: 'center' },
    ]);
    expect(Value.Check(ReceiptDocumentSchema, doc)).toBe(true);
  });

  it('says so when there is nothing to show, in English too', () => {
    const doc = composeProgressSlip([], { locale: 'en', asOf: TODAY, printId: 'p-2' });
    expect(doc.blocks.slice(1).map((b) => ('text' in b ? b.text : b.kind))).toEqual([
      'Progress slip',
      'field',
      'No progress yet',
      'rule',
      "The departments' decisions are binding. Scan the receipt's QR code at a kiosk to check again.",
    ]);
  });

  it('stays within the document schema for many applications and says how many were left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...joint, applicationNo: `YL20260928${String(i + 1).padStart(6, '0')}` }));
    const doc = composeProgressSlip(many, { locale: 'zh-CN', asOf: TODAY, printId: 'p-3' });
    expect(Value.Check(ReceiptDocumentSchema, doc)).toBe(true);
    const more = doc.blocks.find((b) => b.kind === 'text' && b.text.startsWith('另有'));
    expect(more).toBeDefined();
  });
});

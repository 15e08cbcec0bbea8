import { describe, expect, it } from 'vitest';
import { serviceCatalogue } from '../catalogue/service-catalogue';
import type { ApplicationPart, ApplicationView } from '../contracts/server-api';
import { composeApplicationReceipt } from './compose-application-receipt';

const part = (partNo: number, serviceKey: string, department: 'medical-insurance' | 'street-office' | 'civil-affairs', status: ApplicationPart['status']): ApplicationPart => ({
  partNo,
  serviceKey,
  department,
  departmentName: serviceCatalogue.departments[department],
  kind: serviceKey === 'ltc-assessment' ? 'assessment' : 'review',
  status,
  updatedAt: '2026-11-30T06:05:00.000Z',
  handledExternally: false,
});

/** A joint application for the assessment and a care-home place, made by a daughter (代办). */
const joint: ApplicationView = {
  applicationNo: 'YL20261130000007',
  serviceKey: 'ltc-joint',
  serviceName: { zh: '养老服务“一件事”联办（长护险评估·养老服务补贴·入住养老机构）', en: 'Joint application' },
  status: 'submitted',
  submittedAt: '2026-11-30T06:05:00.000Z',
  applicantNameMasked: '沈**',
  idNumberMasked: '310***********1234',
  answers: { phoneMasked: '137****2318' },
  details: [
    { label: { zh: '申请事项', en: 'Services' }, value: { zh: '长护险需求评估、入住养老机构', en: 'Care needs assessment, Care home place' } },
    { label: { zh: '评估类型', en: 'Assessment type' }, value: { zh: '期末评估（到期重新评估）', en: 'Re-assessment (conclusion expiring)' } },
  ],
  proxy: { nameMasked: '王**', idNumberMasked: '310***********5678', relationship: 'child' },
  parts: [part(1, 'ltc-assessment', 'medical-insurance', 'submitted'), part(2, 'care-home-admission', 'civil-affairs', 'waiting-for-assessment')],
  catalogueVersion: '2024-11-01.2',
};

describe('composeApplicationReceipt: the joint application (golden)', () => {
  const doc = composeApplicationReceipt(joint, { locale: 'zh-CN' });

  it('prints the proxy, the details and one line per part with its department', () => {
    const head = doc.blocks.slice(0, doc.blocks.findIndex((b) => b.kind === 'rule'));
    expect(head).toEqual([
      { kind: 'text', text: '上海市养老服务“一件事”', align: 'center', bold: true },
      { kind: 'heading', text: '办理回执' },
    ]);
    const body = doc.blocks.slice(3, doc.blocks.findIndex((b, i) => i > 3 && b.kind === 'rule'));
    expect(body).toEqual([
      { kind: 'field', label: '办理事项', value: '养老服务“一件事”联办（长护险评估·养老服务补贴·入住养老机构）' },
      { kind: 'field', label: '申请人', value: '沈**' },
      { kind: 'field', label: '证件号码', value: '310***********1234' },
      { kind: 'field', label: '代办人', value: '王** 310***********5678' },
      { kind: 'field', label: '与老人关系', value: '子女' },
      { kind: 'field', label: '联系电话', value: '137****2318' },
      { kind: 'field', label: '申请事项', value: '长护险需求评估、入住养老机构' },
      { kind: 'field', label: '评估类型', value: '期末评估（到期重新评估）' },
      { kind: 'field', label: '办理状态', value: '已受理' },
      { kind: 'text', text: '分别办理', bold: true },
      { kind: 'text', text: '长护险需求评估｜医保部门：已提交，待受理' },
      { kind: 'text', text: '入住养老机构｜民政部门：待评估结果' },
    ]);
  });

  it('prints the 一次告知 notice of exactly the chosen services, in handling order', () => {
    const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '一次告知');
    expect(start).toBeGreaterThan(0);
    const notice = doc.blocks.slice(start, doc.blocks.findIndex((b, i) => i > start && b.kind === 'rule'));
    expect(notice).toEqual([
      { kind: 'heading', text: '一次告知' },
      { kind: 'text', text: '申请老年照护统一需求评估（长护险需求评估）', bold: true },
      { kind: 'text', text: '申请条件：本市60周岁及以上、有照护需求（如重度残疾等特殊困难）的老年人；评估结论有效期满可再次申请（期末评估）。' },
      { kind: 'text', text: '受理顺序：第1步。先行办理：评估等级是养老服务补贴和入住养老机构的前提。' },
      { kind: 'text', text: '申请材料：本人有效身份证件、医保卡' },
      { kind: 'text', text: '承诺事项：受理后由评估机构电话预约，上门评估；评估结论经公示后推送评估报告。' },
      { kind: 'text', text: '承诺事项：评估结论有效期满前60天内可申请期末评估，无需重新提交材料。' },
      { kind: 'text', text: '申请入住养老机构（保基本床位）', bold: true },
      { kind: 'text', text: '申请条件：本市户籍，且老年照护统一需求评估等级达到3级及以上。' },
      { kind: 'text', text: '受理顺序：第3步。评估等级达到3级及以上后办理：尚无评估结论的，待评估结论出具后自动进入审核。' },
      { kind: 'text', text: '申请材料：本人有效身份证件、户口簿（系统可核验的免交）' },
      { kind: 'text', text: '承诺事项：民政部门按评估等级和床位情况安排保基本床位，需轮候的告知轮候顺序。' },
    ]);
    // The subsidy was not chosen: its notice is not printed.
    expect(JSON.stringify(doc)).not.toContain('养老服务补贴（');
    expect(JSON.stringify(doc)).not.toContain('经济困难');
    expect(doc.blocks).toContainEqual({ kind: 'text', text: '三个事项一次受理、分别办理，可凭受理编号随时查询每一项的进度。' });
  });

  it('speaks English when asked', () => {
    const en = composeApplicationReceipt(joint, { locale: 'en' });
    expect(en.blocks).toContainEqual({ kind: 'field', label: 'Relationship', value: 'Child' });
    expect(en.blocks).toContainEqual({ kind: 'text', text: 'Care home place | Civil affairs bureau: Waiting for the assessment' });
    expect(en.blocks).toContainEqual({ kind: 'heading', text: 'One-time notice' });
    // Everything but the masked names (and the fixture's Chinese-only details) is English.
    const notice = en.blocks.slice(en.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'One-time notice'));
    expect(JSON.stringify(notice)).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

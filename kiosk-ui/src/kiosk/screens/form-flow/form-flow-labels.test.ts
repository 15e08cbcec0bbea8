import { isMessageKey } from '@eldercare/domain';
import { explainStates, FORM_FLOW_SPECS, mealAssistanceChangeFlowSpec } from '@eldercare/state-machines';
import { describe, expect, it } from 'vitest';
import { groupedDigits, optionLabel, reviewLines } from './form-flow-labels';

const t = (key: string) => key;

describe('form flow words', () => {
  it('every step has a heading, every field a label, every option words, every error a message', () => {
    const context = { identity: { person: { age: 85 }, eligibility: [] } } as never;
    for (const spec of FORM_FLOW_SPECS) {
      for (const step of spec.steps) {
        expect(isMessageKey(`kioskServices.${step.state}.heading`)).toBe(true);
        expect(isMessageKey(`kioskServices.field.${step.field}`)).toBe(true);
        if (step.kind === 'digits' || step.field === 'street' || step.field === 'services') continue;
        for (const value of step.options(context)) expect(isMessageKey(`kioskServices.option.${step.field}.${value}`), `${step.field}.${value}`).toBe(true);
      }
      for (const { state } of explainStates(spec.steps)) expect(isMessageKey(`kioskServices.${state}.heading`)).toBe(true);
    }
    for (const error of ['too-short', 'not-a-mobile-number', 'bank-card-check', 'empty', 'choose-one']) {
      expect(isMessageKey(`kioskServices.error.${error}`)).toBe(true);
    }
  });

  it('streets and services are named from domain data; cards read in fours', () => {
    expect(optionLabel(t as never, 'zh-CN', 'street', 'tianshan-lu')).toBe('天山路');
    expect(optionLabel(t as never, 'en', 'services', 'assistive-device-rental')).toBe('Assistive device rental');
    expect(groupedDigits('6222020200112233446')).toBe('6222 0202 0011 2233 446');
  });

  it('review lines follow the steps that apply: an address change shows no bank card', () => {
    const answers = { change: 'address', street: 'xianxia-lu', lane: '', building: '12', room: '301' };
    const lines = reviewLines(t as never, 'zh-CN', mealAssistanceChangeFlowSpec.steps, answers);
    expect(lines.map((l) => [l.field, l.value])).toEqual([
      ['change', 'kioskServices.option.change.address'],
      ['street', '仙霞路'],
      ['lane', '—'],
      ['building', '12'],
      ['room', '301'],
    ]);
  });
});

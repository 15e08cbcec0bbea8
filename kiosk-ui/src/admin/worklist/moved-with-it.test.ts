import { describe, expect, it } from 'vitest';
import { translator } from '../admin-translator';
import { movedWithIt } from './moved-with-it';

describe('movedWithIt', () => {
  const t = translator('zh-CN');

  it('says nothing when no waiting part moved', () => {
    expect(movedWithIt(t, [])).toBe('');
  });

  it('tells the parts passed on by a delivered report', () => {
    expect(movedWithIt(t, [{ partNo: 2, status: 'submitted' }, { partNo: 3, status: 'submitted' }])).toBe('同一申请中等待评估结果的 2 项已转入相关部门。');
  });

  it('tells the parts that ended with a rejected assessment', () => {
    expect(movedWithIt(t, [{ partNo: 2, status: 'rejected' }])).toBe('同一申请中等待评估结果的 1 项随评估一并不予通过。');
    expect(movedWithIt(translator('en'), [{ partNo: 2, status: 'rejected' }])).toContain('were not approved with it');
  });
});

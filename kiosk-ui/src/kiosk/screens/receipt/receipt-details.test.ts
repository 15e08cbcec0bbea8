import { describe, expect, it } from 'vitest';
import { MAX_SCREEN_DETAIL_LINES, screenDetailLines, spokenDetails } from './receipt-details';

const line = (n: number) => ({ label: { zh: `标签${n}`, en: `Label ${n}` }, value: { zh: `值${n}`, en: `Value ${n}` } });

describe('screenDetailLines', () => {
  it('shows the lines in the session language, in order', () => {
    const application = { details: [line(1), line(2)] };
    expect(screenDetailLines(application, 'zh-CN')).toEqual([
      { label: '标签1', value: '值1' },
      { label: '标签2', value: '值2' },
    ]);
    expect(screenDetailLines(application, 'en')[1]).toEqual({ label: 'Label 2', value: 'Value 2' });
  });

  it('no details, no lines; more than fit are cut (the slip has them all)', () => {
    expect(screenDetailLines({ details: [] }, 'zh-CN')).toEqual([]);
    const many = { details: Array.from({ length: MAX_SCREEN_DETAIL_LINES + 3 }, (_, i) => line(i)) };
    const shown = screenDetailLines(many, 'zh-CN');
    expect(shown).toHaveLength(MAX_SCREEN_DETAIL_LINES);
    expect(shown.at(-1)?.label).toBe(`标签${MAX_SCREEN_DETAIL_LINES - 1}`);
  });

  it('the voice reads each line as label and value', () => {
    expect(spokenDetails(screenDetailLines({ details: [line(1), line(2)] }, 'en'))).toBe('Label 1 Value 1. Label 2 Value 2');
  });
});

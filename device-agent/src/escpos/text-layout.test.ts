import { describe, expect, it } from 'vitest';
import { displayWidth, wrapRuns, wrapText } from './text-layout';

describe('displayWidth', () => {
  it('counts ASCII as one column and every double-byte character as two', () => {
    expect(displayWidth('abc 123')).toBe(7);
    expect(displayWidth('张三')).toBe(4);
    expect(displayWidth('：￥，')).toBe(6);
    expect(displayWidth('A张')).toBe(3);
    expect(displayWidth('😀')).toBe(2); // one code point, not two UTF-16 units
  });
});

describe('wrapText', () => {
  it('keeps every line within the width', () => {
    const text = '上海市长宁区天山路街道社区事务受理服务中心 Room 301, 1234 Tianshan Road 养老服务一件事';
    for (const width of [7, 10, 16, 24, 48]) {
      const lines = wrapText(text, width);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });

  it('breaks CJK between characters and never inside one', () => {
    expect(wrapText('一二三四五', 5)).toEqual(['一二', '三四', '五']);
    expect(wrapText('一😀二', 4)).toEqual(['一😀', '二']);
  });

  it('keeps Latin words whole and drops the space at a break', () => {
    expect(wrapText('call staff now', 10)).toEqual(['call staff', 'now']);
    expect(wrapText('ab  cd', 3)).toEqual(['ab', 'cd']);
  });

  it('splits a word longer than the line by character', () => {
    expect(wrapText('SQ20240501000123', 6)).toEqual(['SQ2024', '050100', '0123']);
  });

  it('does not start a line with closing punctuation', () => {
    expect(wrapText('一二三，四', 6)).toEqual(['一二', '三，四']);
    expect(wrapText('一二三。', 6)).toEqual(['一二', '三。']);
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText('', 10)).toEqual(['']);
  });
});

describe('wrapRuns', () => {
  it('keeps styles across a break and narrows lines after the first by the indent', () => {
    const lines = wrapRuns(
      [
        { text: '地址：', bold: false },
        { text: '长宁区天山路一二三号', bold: true },
      ],
      12,
      6,
    );
    expect(lines.map((l) => l.runs)).toEqual([
      [
        { text: '地址：', bold: false },
        { text: '长宁区', bold: true },
      ],
      [{ text: '天山路', bold: true }],
      [{ text: '一二三', bold: true }],
      [{ text: '号', bold: true }],
    ]);
    expect(lines.map((l) => l.width)).toEqual([12, 6, 6, 2]);
  });
});

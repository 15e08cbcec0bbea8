import { describe, expect, it } from 'vitest';
import { csvField, minutes } from './statistics-csv';

describe('csvField', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('Tianping Road, Xuhui')).toBe('"Tianping Road, Xuhui"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('养老服务')).toBe('养老服务');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('minutes', () => {
  it('turns seconds into minutes with one decimal', () => {
    expect(minutes(711)).toBe(11.9);
    expect(minutes(90)).toBe(1.5);
    expect(minutes(0)).toBe(0);
    expect(minutes(null)).toBeNull();
  });
});

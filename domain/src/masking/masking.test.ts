import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('keeps the first 3 and last 4 characters of an ID number and hides the birth date', () => {
    expect(maskIdNumber('31010519560315123X')).toBe('310***********123X');
    expect(maskIdNumber('31010519560315123X')).not.toContain('1956');
  });

  it('keeps only the surname of a name, compound surnames included', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李秀英')).toBe('李**');
    expect(maskName('欧阳明月')).toBe('欧阳**');
    expect(maskName('司马光')).toBe('司马*');
    expect(maskName('欧阳')).toBe('欧*'); // two characters: 欧 is the surname
    expect(maskName('SMITH JOHN')).toBe('SMITH ****');
  });

  it('masks phone numbers and the digits of addresses', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('上海市长宁区天山路345弄12号301室')).toBe('上海市长宁区天山路***弄**号***室');
  });
});

import { DomainError } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { errorCode } from './error-code';

describe('errorCode', () => {
  it('takes the stable code of a typed error', () => {
    expect(errorCode(new DomainError('NOT_ELIGIBLE', 'not eligible'))).toBe('NOT_ELIGIBLE');
    expect(errorCode({ code: 'PRINTER_PAPER_OUT' })).toBe('PRINTER_PAPER_OUT');
  });

  it('is null when there is no usable code', () => {
    expect(errorCode(new TypeError('fetch failed'))).toBeNull();
    expect(errorCode({ code: 42 })).toBeNull();
    expect(errorCode({ code: '' })).toBeNull();
    expect(errorCode('boom')).toBeNull();
    expect(errorCode(undefined)).toBeNull();
  });
});

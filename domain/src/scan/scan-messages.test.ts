import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages/en';
import { zhCN } from '../i18n/messages/zh-CN';
import { SCAN_REJECT_CODES } from './scan-errors';

describe('scan reject codes', () => {
  it('each has a message in both catalogues, and no message is left without a code', () => {
    for (const code of SCAN_REJECT_CODES) {
      expect(zhCN, code).toHaveProperty(`scan.rejected.${code}`);
      expect(en, code).toHaveProperty([`scan.rejected.${code}`]);
    }
    const keys = Object.keys(zhCN).filter((k) => k.startsWith('scan.rejected.'));
    expect(keys.map((k) => k.slice('scan.rejected.'.length)).sort()).toEqual([...SCAN_REJECT_CODES].sort());
  });
});

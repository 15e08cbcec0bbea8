import { describe, expect, it } from 'vitest';
import { parseAllowedOrigins, webhookUrlRefusal } from './webhook-url-policy';

describe('webhook URL policy', () => {
  const open = {};

  it('without a list: department systems anywhere on the network, this machine and link-local refused', () => {
    for (const url of ['https://ltc.yibao.example.gov.cn/hook', 'http://10.20.1.5:8080/in', 'http://192.168.3.4/x', 'http://172.16.0.9/x', 'http://[2001:db8::5]/x']) {
      expect(webhookUrlRefusal(url, open), url).toBeNull();
    }
    for (const url of [
      'http://127.0.0.1:8080/api/v1/admin',
      'http://127.9.9.9/',
      'http://localhost:5432/',
      'http://db.localhost/',
      'http://0.0.0.0:8080/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/',
      'http://[::]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:169.254.169.254]/',
      // Spellings the URL parser turns into 127.0.0.1.
      'http://2130706433/',
      'http://0x7f.1/',
      'http://127.1/',
    ]) {
      expect(webhookUrlRefusal(url, open), url).toMatch(/this machine or link-local/);
    }
  });

  it('with a list: exactly those origins, loopback too when the operator lists it', () => {
    const policy = { allowedOrigins: parseAllowedOrigins(' https://ltc.yibao.example.gov.cn , http://127.0.0.1:9 ') };
    expect(policy.allowedOrigins).toEqual(['https://ltc.yibao.example.gov.cn', 'http://127.0.0.1:9']);
    expect(webhookUrlRefusal('https://ltc.yibao.example.gov.cn/a/b?c=1', policy)).toBeNull();
    expect(webhookUrlRefusal('http://127.0.0.1:9/x', policy)).toBeNull();
    expect(webhookUrlRefusal('http://127.0.0.1:10/x', policy)).toMatch(/not in WEBHOOK_ALLOWED_ORIGINS/);
    expect(webhookUrlRefusal('http://ltc.yibao.example.gov.cn/a', policy)).toMatch(/not in WEBHOOK_ALLOWED_ORIGINS/);
    expect(webhookUrlRefusal('http://10.20.1.5/in', policy)).toMatch(/not in WEBHOOK_ALLOWED_ORIGINS/);
  });

  it('refuses other schemes, credentials in the URL and non-URLs, and a list entry that is no origin', () => {
    expect(webhookUrlRefusal('ftp://files.example.gov.cn/', open)).toBe('only http and https');
    expect(webhookUrlRefusal('https://user:pw@ltc.example.gov.cn/', open)).toMatch(/no user or password/);
    expect(webhookUrlRefusal('http//broken', open)).toBe('not a URL');
    expect(() => parseAllowedOrigins('mailto:x@y')).toThrow(/not an http\(s\) origin/);
    expect(() => parseAllowedOrigins('not a url')).toThrow();
  });
});

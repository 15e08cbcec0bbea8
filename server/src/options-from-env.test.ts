import { describe, expect, it } from 'vitest';
import { ConfigError, optionsFromEnv } from './options-from-env';

describe('optionsFromEnv', () => {
  const root = '/srv/eldercare';

  it('defaults: PGlite in ./data, port 8080 on all interfaces, demo registry on', () => {
    const { app, listen } = optionsFromEnv({}, root);
    expect(listen).toEqual({ port: 8080, host: '0.0.0.0' });
    expect(app.database).toEqual({ kind: 'pglite', dataDir: '/srv/eldercare/data' });
    expect(app.seedDemoRegistry).toBe(true);
    expect(app.dataKey).toBeUndefined();
    expect(app.uiDir).toBeUndefined();
  });

  it('reads every variable', () => {
    const key = Buffer.alloc(32, 1);
    const { app, listen } = optionsFromEnv(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://u:p@db/eldercare',
        DATA_KEY: key.toString('base64'),
        UI_DIR: '/opt/ui',
        DEMO_REGISTRY: '0',
        CENTRE_NAME: '长宁区新泾镇社区事务受理服务中心',
      },
      root,
    );
    expect(listen).toEqual({ port: 9000, host: '127.0.0.1' });
    expect(app.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db/eldercare' });
    expect(app.dataKey?.equals(key)).toBe(true);
    expect(app.uiDir).toBe('/opt/ui');
    expect(app.seedDemoRegistry).toBe(false);
    expect(app.centreName).toBe('长宁区新泾镇社区事务受理服务中心');
  });

  it('DATA_DIR is relative to the repository root', () => {
    expect(optionsFromEnv({ DATA_DIR: 'var/db' }, root).app.database).toEqual({ kind: 'pglite', dataDir: '/srv/eldercare/var/db' });
  });

  it('WEBHOOK_ALLOWED_ORIGINS: the origins webhooks may go to, with WEBHOOK_DISPATCH kept; a bad entry refused', () => {
    const { app } = optionsFromEnv({ WEBHOOK_DISPATCH: 'off', WEBHOOK_ALLOWED_ORIGINS: 'https://ltc.yibao.example.gov.cn/, http://10.20.1.5:8080' }, root);
    expect(app.webhooks).toEqual({ dispatch: false, allowedOrigins: ['https://ltc.yibao.example.gov.cn', 'http://10.20.1.5:8080'] });
    expect(() => optionsFromEnv({ WEBHOOK_ALLOWED_ORIGINS: 'ltc.yibao' }, root)).toThrow(ConfigError);
  });

  it('refuses a bad port or key', () => {
    expect(() => optionsFromEnv({ PORT: 'eighty' }, root)).toThrow(ConfigError);
    expect(() => optionsFromEnv({ DATA_KEY: 'short' }, root)).toThrow(/32 bytes/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCALES, translate } from '@eldercare/domain';
import { FORM_FLOW_SPECS } from '@eldercare/state-machines';
import { describe, expect, it } from 'vitest';
import { keyClip, serviceNameClip, SPOKEN_KEYS, SPOKEN_SERVICES, spokenServiceName } from './spoken-keys';

const audioDir = resolve(import.meta.dirname, '../../public/audio');

describe('spoken keys', () => {
  it('holds words only: no key has a parameter a recording could not say', () => {
    for (const locale of LOCALES) {
      for (const key of SPOKEN_KEYS) expect(translate(locale, key), `${locale} ${key}`).not.toMatch(/[{}]/);
    }
  });

  it('every key has a clip in each language that says the catalogue’s words of today, and no clip is left over', () => {
    for (const locale of LOCALES) {
      const dir = resolve(audioDir, locale, 'keys');
      const recorded = JSON.parse(readFileSync(resolve(dir, 'recorded.json'), 'utf8')) as Record<string, string>;
      const stale = SPOKEN_KEYS.filter((key) => recorded[key] !== translate(locale, key));
      // A changed text needs a new recording: npm run audio --workspace kiosk-ui -- --stale
      expect(stale, `${locale}: record these again`).toEqual([]);
      const clips = readdirSync(dir).filter((f) => f.endsWith('.opus'));
      expect(clips.sort()).toEqual(SPOKEN_KEYS.map((key) => `${key}.opus`).sort());
      expect(Object.keys(recorded).sort()).toEqual([...SPOKEN_KEYS].sort());
    }
  });

  it('every service name has a clip in each language that says today’s name, and no clip is left over', () => {
    for (const locale of LOCALES) {
      const dir = resolve(audioDir, locale, 'services');
      const recorded = JSON.parse(readFileSync(resolve(dir, 'recorded.json'), 'utf8')) as Record<string, string>;
      expect(SPOKEN_SERVICES.filter((key) => recorded[key] !== spokenServiceName(locale, key)), `${locale}: record these again`).toEqual([]);
      expect(readdirSync(dir).filter((f) => f.endsWith('.opus')).sort()).toEqual(SPOKEN_SERVICES.map((key) => `${key}.opus`).sort());
    }
    expect(SPOKEN_SERVICES).toHaveLength(12);
    expect(serviceNameClip('care-subsidy')).toBe('services/care-subsidy');
  });

  it('covers every form flow the kiosk registers, each step’s heading and the line under it', () => {
    expect(FORM_FLOW_SPECS.map((spec) => spec.serviceKey)).toEqual([
      'home-adaptation',
      'meal-assistance',
      'meal-assistance-change',
      'assistive-device-rental',
      'sports-voucher',
      'home-visit',
    ]);
    const step = FORM_FLOW_SPECS.find((spec) => spec.serviceKey === 'meal-assistance')!.steps.find((s) => s.state === 'enteringBankCard')!;
    expect(SPOKEN_KEYS).toContain(`kioskServices.${step.state}.heading`);
    expect(SPOKEN_KEYS).toContain(`kioskServices.${step.state}.body`);
    expect(keyClip('taxi.phone.heading')).toBe('keys/taxi.phone.heading');
  });
});

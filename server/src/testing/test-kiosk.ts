import {
  demoResidents,
  idNumberCheckDigit,
  shanghaiDate,
  type ApplicationRequest,
  type ApplicationView,
  type DemoResident,
  type IdCardData,
  type IdentifyResponse,
} from '@eldercare/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A clock the test moves by hand; nothing sleeps. */
export class TestClock {
  constructor(public now: Date) {}
  readonly read = (): Date => this.now;
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

/** 10:00 in Shanghai, so the Shanghai date and the UTC date agree. */
export const TEST_INSTANT = new Date('2026-03-10T02:00:00Z');

export function demoPerson(key: string, now: Date = TEST_INSTANT): DemoResident {
  const person = demoResidents(shanghaiDate(now)).find((r) => r.key === key);
  if (!person) throw new Error(`No demo resident ${key}`);
  return person;
}

/**
 * A valid card of someone the demo registry does not know (静安区 region code 310106 is not
 * used by any demo resident).
 */
export function strangerCard(options: { birthDate: string; sequence: number; address?: string; name?: string; sex?: 'male' | 'female' }): IdCardData {
  const sex = options.sex ?? 'female';
  // 500 distinct numbers per birth date and sex: two sequence digits, then the sex digit
  // (odd for men, even for women).
  const sequence = options.sequence % 500;
  const sexDigit = 2 * (sequence % 5) + (sex === 'male' ? 1 : 0);
  const first17 = `310106${options.birthDate.replaceAll('-', '')}${String(Math.floor(sequence / 5)).padStart(2, '0')}${sexDigit}`;
  return {
    cardType: 'resident',
    name: options.name ?? '钱美华',
    sex,
    nationCode: '01',
    birthDate: options.birthDate,
    address: options.address ?? '上海市静安区南京西路1500弄7号802室',
    idNumber: first17 + idNumberCheckDigit(first17),
    issuingAuthority: '上海市公安局静安分局',
    validFrom: '2016-01-01',
    validTo: 'long-term',
  };
}

export async function identify(app: FastifyInstance, card: IdCardData, headers: Record<string, string> = {}): Promise<IdentifyResponse> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/identify', payload: { card }, headers });
  if (res.statusCode !== 200) throw new Error(`identify failed: ${res.statusCode} ${res.body}`);
  return res.json<IdentifyResponse>();
}

export function postApplication(app: FastifyInstance, body: ApplicationRequest | unknown, key?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    payload: body as object,
    headers: key === undefined ? headers : { 'idempotency-key': key, ...headers },
  });
}

export function seniorCardRequest(identifyToken: string, delivery: 'collect' | 'mail' = 'collect', phone = '13912345678'): ApplicationRequest {
  return { serviceKey: 'senior-card', identifyToken, answers: { phone, delivery } };
}

export function channelRequest(identifyToken: string, channel: 'senior-card' | 'social-security-card'): ApplicationRequest {
  return { serviceKey: 'allowance-channel', identifyToken, answers: { channel } };
}

export function asApplication(res: LightMyRequestResponse): ApplicationView {
  if (res.statusCode !== 201) throw new Error(`application failed: ${res.statusCode} ${res.body}`);
  return res.json<ApplicationView>();
}

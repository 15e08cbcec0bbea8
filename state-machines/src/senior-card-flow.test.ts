import type { ApplicationView, ProxyRequest } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { seniorCardFlow, type KeypadDigit } from './senior-card-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { controllableActor, settle } from './testing/controllable-actor';
import { applicationFor, identityOf, type FixturePerson } from './testing/fixtures';

function start(person: FixturePerson = 'firstTimer', proxy: ProxyRequest | null = null) {
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const actor = createActor(seniorCardFlow.provide({ actors: { submitApplication: submit.logic } }), {
    input: { identity: identityOf(person), proxy },
  });
  actor.start();
  return { actor, submit };
}

function type(actor: ReturnType<typeof start>['actor'], digits: string) {
  for (const digit of digits) actor.send({ type: 'keypad.digit', digit: digit as KeypadDigit });
}

describe('seniorCardFlow', () => {
  it('a card holder is not eligible, with the reason already-holds-senior-card', () => {
    const { actor } = start('cardHolder');
    expect(actor.getSnapshot().value).toBe('notEligible');
    expect(actor.getSnapshot().context.eligibility.reasons.map((r) => r.code)).toEqual(['already-holds-senior-card']);
  });

  it('the keypad takes digits up to 11, deletes and clears', () => {
    const { actor } = start();
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('enteringPhone');
    type(actor, '139123456789999');
    expect(actor.getSnapshot().context.phone).toBe('13912345678');
    actor.send({ type: 'keypad.digit', digit: 'x' as KeypadDigit });
    actor.send({ type: 'keypad.delete' });
    expect(actor.getSnapshot().context.phone).toBe('1391234567');
    actor.send({ type: 'keypad.clear' });
    expect(actor.getSnapshot().context.phone).toBe('');
    actor.send({ type: 'keypad.delete' });
    expect(actor.getSnapshot().context.phone).toBe('');
  });

  it.each([
    ['', 'too-short'],
    ['1391234567', 'too-short'],
    ['02161234567', 'not-a-mobile-number'],
    ['12912345678', 'not-a-mobile-number'],
  ] as const)('an invalid phone %j does not advance and says %s', (phone, error) => {
    const { actor } = start();
    actor.send({ type: 'flow.next' });
    type(actor, phone);
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('enteringPhone');
    expect(actor.getSnapshot().context.phoneError).toBe(error);
    // Typing again clears the message.
    actor.send({ type: 'keypad.delete' });
    expect(actor.getSnapshot().context.phoneError).toBeNull();
  });

  it('a valid phone advances; mail delivery is submitted with the phone', async () => {
    const { actor, submit } = start();
    actor.send({ type: 'flow.next' });
    type(actor, '15800001111');
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('choosingDelivery');
    actor.send({ type: 'delivery.choose', delivery: 'mail' });
    expect(actor.getSnapshot().value).toBe('confirming');
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request).toEqual({
      serviceKey: 'senior-card',
      identifyToken: identityOf('firstTimer').identifyToken,
      answers: { phone: '15800001111', delivery: 'mail' },
    });
    submit.last.resolve(applicationFor(submit.last.input.request));
    await settle();
    expect(actor.getSnapshot().output?.kind).toBe('submitted');
  });

  it('代办: the request carries the proxy; without one it has no proxy field', () => {
    const proxy: ProxyRequest = { identifyToken: 'proxy-token-0123456789', relationship: 'spouse', consent: true };
    for (const [given, expected] of [[proxy, { proxy }], [null, {}]] as const) {
      const { actor, submit } = start('firstTimer', given);
      actor.send({ type: 'flow.next' });
      type(actor, '15800001111');
      actor.send({ type: 'flow.next' });
      actor.send({ type: 'delivery.choose', delivery: 'collect' });
      actor.send({ type: 'flow.confirm' });
      expect(submit.last.input.request).toEqual({
        serviceKey: 'senior-card',
        identifyToken: identityOf('firstTimer').identifyToken,
        ...expected,
        answers: { phone: '15800001111', delivery: 'collect' },
      });
    }
  });

  it('back steps one screen at a time and keeps what was typed', () => {
    const { actor } = start();
    actor.send({ type: 'flow.next' });
    type(actor, '15800001111');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'delivery.choose', delivery: 'collect' });
    const screens = [];
    for (let i = 0; i < 4; i++) {
      actor.send({ type: 'flow.back' });
      screens.push(actor.getSnapshot().status === 'done' ? 'done' : actor.getSnapshot().value);
    }
    expect(screens).toEqual(['choosingDelivery', 'enteringPhone', 'confirmingIdentity', 'done']);
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
    expect(actor.getSnapshot().context.phone).toBe('15800001111');
  });

  it('retry reuses the key; a changed delivery gets a new key', async () => {
    const { actor, submit } = start();
    actor.send({ type: 'flow.next' });
    type(actor, '15800001111');
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'delivery.choose', delivery: 'collect' });
    actor.send({ type: 'flow.confirm' });
    submit.last.reject(new Error('lost'));
    await settle();
    actor.send({ type: 'flow.retry' });
    submit.last.reject(new Error('lost'));
    await settle();
    actor.send({ type: 'flow.back' });
    actor.send({ type: 'flow.back' });
    actor.send({ type: 'delivery.choose', delivery: 'mail' });
    actor.send({ type: 'flow.confirm' });
    const [first, retry, changed] = submit.calls.map((c) => c.input.idempotencyKey);
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
  });
});

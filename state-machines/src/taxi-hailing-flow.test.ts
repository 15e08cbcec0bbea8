import type { ApplicationView, ProxyRequest } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { countFlowTaps } from './analysis/count-taps';
import type { SubmitApplicationInput } from './service-flow-types';
import { taxiHailingFlow } from './taxi-hailing-flow';
import { controllableActor, settle } from './testing/controllable-actor';
import { applicationFor, identityOf } from './testing/fixtures';

function start(options: { centreId?: string | null; proxy?: ProxyRequest | null } = {}) {
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const actor = createActor(taxiHailingFlow.provide({ actors: { submitApplication: submit.logic } }), {
    input: { identity: identityOf('tooYoung'), proxy: options.proxy ?? null, centreId: options.centreId === undefined ? 'xuhui-tianping' : options.centreId },
  }).start();
  return { actor, submit };
}

describe('taxiHailingFlow', () => {
  it('anyone may call a taxi: 62-year-old 陈 gets the destination screen', () => {
    expect(start().actor.getSnapshot().value).toBe('choosingDestination');
  });

  it('a kiosk without a centre says so instead of booking a car to nowhere', () => {
    const { actor } = start({ centreId: null });
    expect(actor.getSnapshot().value).toBe('noCentre');
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
  });

  it('books to the kiosk’s centre with the proxy, and the booking comes back as the application', async () => {
    const proxy: ProxyRequest = { identifyToken: 'proxy-token-0123456789', relationship: 'eldercare-adviser', consent: true };
    const { actor, submit } = start({ proxy });
    actor.send({ type: 'option.choose', value: 'tell-driver' });
    for (const digit of '13912345678') actor.send({ type: 'keypad.digit', digit: digit as never });
    actor.send({ type: 'flow.next' });
    expect(actor.getSnapshot().value).toBe('confirming');
    actor.send({ type: 'flow.confirm' });
    expect(actor.getSnapshot().hasTag('inFlight')).toBe(true);
    actor.send({ type: 'flow.cancel' });
    expect(actor.getSnapshot().value).toBe('submitting');
    expect(submit.last.input.request).toEqual({
      serviceKey: 'taxi-hailing',
      identifyToken: identityOf('tooYoung').identifyToken,
      proxy,
      answers: { centreId: 'xuhui-tianping', destination: 'tell-driver', phone: '13912345678' },
    });
    const application = applicationFor(submit.last.input.request);
    submit.last.resolve(application);
    await settle();
    expect(actor.getSnapshot().output).toEqual({ kind: 'submitted', application });
  });

  it('takes 3 taps (destination, 下一步, 叫车) plus the 11 digits', () => {
    expect(countFlowTaps('taxi-hailing')).toMatchObject({ taps: 3, typed: 11 });
  });
});

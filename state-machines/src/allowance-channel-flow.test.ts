import type { ApplicationView, IdentifyResponse, ProxyRequest } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { allowanceChannelFlow } from './allowance-channel-flow';
import type { SubmitApplicationInput } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { applicationFor, identityOf } from './testing/fixtures';

function start(identity: IdentifyResponse = identityOf('firstTimer'), proxy: ProxyRequest | null = null) {
  const submit = controllableActor<ApplicationView, SubmitApplicationInput>();
  const actor = createActor(allowanceChannelFlow.provide({ actors: { submitApplication: submit.logic } }), {
    input: { identity, proxy },
  });
  actor.start();
  return { actor, submit };
}

describe('allowanceChannelFlow', () => {
  it('代办: the request carries the proxy, and a retry sends it again', async () => {
    const proxy: ProxyRequest = { identifyToken: 'proxy-token-0123456789', relationship: 'child', consent: true };
    const { actor, submit } = start(identityOf('firstTimer'), proxy);
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request).toEqual({
      serviceKey: 'allowance-channel',
      identifyToken: identityOf('firstTimer').identifyToken,
      proxy,
      answers: { channel: 'senior-card' },
    });
    submit.last.reject(new CodedError('NETWORK_UNREACHABLE'));
    await settle();
    actor.send({ type: 'flow.retry' });
    expect(submit.calls[1]?.input).toEqual(submit.calls[0]?.input);
  });

  it('without a proxy the request has no proxy field', () => {
    const { actor, submit } = start();
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });
    expect(submit.last.input.request).not.toHaveProperty('proxy');
  });

  it('a retry after a failed submission sends the same request with the same idempotency key', async () => {
    const { actor, submit } = start();
    actor.send({ type: 'channel.choose', channel: 'social-security-card' });
    actor.send({ type: 'flow.confirm' });
    submit.last.reject(new CodedError('NETWORK_UNREACHABLE'));
    await settle();
    expect(actor.getSnapshot().value).toBe('submitFailed');
    expect(actor.getSnapshot().context.submitErrorCode).toBe('NETWORK_UNREACHABLE');

    actor.send({ type: 'flow.retry' });
    expect(actor.getSnapshot().value).toBe('submitting');
    expect(actor.getSnapshot().context.submitErrorCode).toBeNull();
    expect(submit.calls).toHaveLength(2);
    expect(submit.calls[1]?.input).toEqual(submit.calls[0]?.input);
    expect(submit.calls[1]?.input.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    const application = applicationFor(submit.last.input.request);
    submit.last.resolve(application);
    await settle();
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ kind: 'submitted', application });
  });

  it('confirming the same answers again after going back reuses the key; changed answers get a new one', async () => {
    const { actor, submit } = start();
    const failOnce = async () => {
      submit.last.reject(new Error('timeout'));
      await settle();
      actor.send({ type: 'flow.back' }); // → confirming
      actor.send({ type: 'flow.back' }); // → choosing
    };
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });
    await failOnce();
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });
    await failOnce();
    actor.send({ type: 'channel.choose', channel: 'social-security-card' });
    actor.send({ type: 'flow.confirm' });
    await failOnce();
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });

    const keys = submit.calls.map((call) => call.input.idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    // Back to the first answers: the first key again (that request may have reached the server).
    expect(keys[3]).toBe(keys[0]);
    expect(actor.getSnapshot().context.submitErrorCode).toBeNull();
  });

  it('cannot be cancelled while a submission is in flight', async () => {
    const { actor, submit } = start();
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });
    actor.send({ type: 'flow.cancel' });
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('submitting');
    submit.last.resolve(applicationFor(submit.last.input.request));
    await settle();
    expect(actor.getSnapshot().output?.kind).toBe('submitted');
  });

  it('changing the current channel proposes the other one; back returns to the current channel', () => {
    const { actor } = start(identityOf('hasChannel'));
    expect(actor.getSnapshot().value).toBe('currentChannel');
    expect(actor.getSnapshot().context.currentChannel).toBe('social-security-card');
    actor.send({ type: 'channel.change' });
    expect(actor.getSnapshot().value).toBe('confirming');
    expect(actor.getSnapshot().context.channel).toBe('senior-card');
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('currentChannel');
    actor.send({ type: 'channel.keep' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'finished' });
  });

  it('a person the server gave no verdict for is not eligible, with no reasons', () => {
    const identity = { ...identityOf('firstTimer'), eligibility: [] };
    const { actor } = start(identity);
    expect(actor.getSnapshot().value).toBe('notEligible');
    expect(actor.getSnapshot().context.eligibility).toEqual({ serviceKey: 'allowance-channel', eligible: false, reasons: [] });
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
  });

  it('a host that forgot submitApplication gets a coded failure, not a fake success', async () => {
    const actor = createActor(allowanceChannelFlow, { input: { identity: identityOf('firstTimer') } }).start();
    actor.send({ type: 'channel.choose', channel: 'senior-card' });
    actor.send({ type: 'flow.confirm' });
    await settle();
    expect(actor.getSnapshot().value).toBe('submitFailed');
    expect(actor.getSnapshot().context.submitErrorCode).toBe('HOST_ACTOR_MISSING');
  });
});

import type { PrintResult, ProgressResponse } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { progressFlow, PROGRESS_PREVIOUS, type LoadProgressInput, type PrintProgressInput, type ProgressFlowInput } from './progress-flow';
import { IN_FLIGHT_TAG } from './service-flow-types';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { identityOf } from './testing/fixtures';
import { progressResponse } from './testing/progress-fixtures';

function start(input: ProgressFlowInput) {
  const load = controllableActor<ProgressResponse, LoadProgressInput>();
  const print = controllableActor<PrintResult, PrintProgressInput>();
  const actor = createActor(progressFlow.provide({ actors: { loadProgress: load.logic, printProgress: print.logic } }), { input });
  actor.start();
  return { actor, load, print };
}

const byCard: ProgressFlowInput = { identity: identityOf('firstTimer'), proxy: null, centreId: null };
const byReceipt: ProgressFlowInput = { identity: null, receiptCode: 'YL20261122000123-ZW0AAPGJ6H' };

describe('progressFlow', () => {
  it('by card: loads with the identify token, pages through the applications, prints them all and is finished', async () => {
    const { actor, load, print } = start(byCard);
    expect(actor.getSnapshot().value).toBe('loading');
    expect(load.last.input).toEqual({ identifyToken: byCard.identity!.identifyToken });
    const progress = progressResponse(3);
    load.last.resolve(progress);
    await settle();
    expect(actor.getSnapshot()).toMatchObject({ value: 'showing', context: { index: 0 } });
    actor.send({ type: 'option.choose', value: PROGRESS_PREVIOUS }); // nothing before the first
    expect(actor.getSnapshot().context.index).toBe(0);
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.next' });
    actor.send({ type: 'flow.next' }); // nothing after the last
    expect(actor.getSnapshot().context.index).toBe(2);
    actor.send({ type: 'option.choose', value: PROGRESS_PREVIOUS });
    expect(actor.getSnapshot().context.index).toBe(1);
    actor.send({ type: 'option.choose', value: 'something-else' });
    expect(actor.getSnapshot().context.index).toBe(1);

    actor.send({ type: 'flow.confirm' });
    expect(actor.getSnapshot().value).toBe('printing');
    expect(actor.getSnapshot().hasTag(IN_FLIGHT_TAG)).toBe(true);
    actor.send({ type: 'flow.cancel' }); // the slip is on its way
    expect(actor.getSnapshot().value).toBe('printing');
    expect(print.last.input.progress).toBe(progress);
    expect(print.last.input.printId).toMatch(/\S{8,}/);
    print.last.resolve({ jobId: 'j1', state: 'printed' });
    await settle();
    expect(actor.getSnapshot()).toMatchObject({ status: 'done', output: { kind: 'finished' } });
  });

  it('a failed print is retried with the same print id; a held one is finished (the agent prints it later)', async () => {
    const { actor, load, print } = start(byCard);
    load.last.resolve(progressResponse(1));
    await settle();
    actor.send({ type: 'flow.confirm' });
    const firstId = print.last.input.printId;
    print.last.resolve({ jobId: 'j1', state: 'failed', code: 'AGENT_NOT_PAIRED' });
    await settle();
    expect(actor.getSnapshot()).toMatchObject({ value: 'printFailed', context: { errorCode: 'AGENT_NOT_PAIRED' } });
    actor.send({ type: 'flow.retry' });
    print.last.reject(new CodedError('AGENT_UNREACHABLE'));
    await settle();
    expect(actor.getSnapshot()).toMatchObject({ value: 'printFailed', context: { errorCode: 'AGENT_UNREACHABLE' } });
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('showing');
    actor.send({ type: 'flow.confirm' });
    expect(print.calls.map((c) => c.input.printId)).toEqual([firstId, firstId, firstId]);
    print.last.resolve({ jobId: 'j1', state: 'held', code: 'PRINTER_PAPER_OUT' });
    await settle();
    expect(actor.getSnapshot().output).toEqual({ kind: 'finished' });
  });

  it('by receipt: loads that code; an unknown code says so and goes back', async () => {
    const { actor, load } = start(byReceipt);
    expect(load.last.input).toEqual({ receiptCode: byReceipt.receiptCode });
    load.last.reject(new CodedError('NOT_FOUND'));
    await settle();
    expect(actor.getSnapshot()).toMatchObject({ value: 'notFound', context: { errorCode: 'NOT_FOUND' } });
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
  });

  it('a failed load offers 再试一次 (a NOT_FOUND by card is a failure, not an unknown receipt)', async () => {
    const { actor, load } = start(byCard);
    load.last.reject(new CodedError('NOT_FOUND'));
    await settle();
    expect(actor.getSnapshot().value).toBe('loadFailed');
    actor.send({ type: 'flow.retry' });
    expect(load.calls).toHaveLength(2);
    expect(actor.getSnapshot().context.errorCode).toBeNull();
    load.last.resolve(progressResponse(0));
    await settle();
    expect(actor.getSnapshot().value).toBe('empty');
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
  });

  it('goes back at once with neither card nor receipt, and flow.cancel leaves while loading', async () => {
    expect(start({ identity: null }).actor.getSnapshot().output).toEqual({ kind: 'back' });
    const { actor, load } = start(byReceipt);
    actor.send({ type: 'flow.cancel' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
    expect(load.last.aborted).toBe(true);
  });
});

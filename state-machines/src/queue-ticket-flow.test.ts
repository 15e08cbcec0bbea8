import type { CentreView, IssuedTicket } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { queueTicketFlow, type IssueTicketInput } from './queue-ticket-flow';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { FIXTURE_CENTRE, issuedTicketFor } from './testing/queue-fixtures';

function start(identifyToken: string | null = null) {
  const loadCentre = controllableActor<CentreView, void>();
  const issue = controllableActor<IssuedTicket, IssueTicketInput>();
  const actor = createActor(queueTicketFlow.provide({ actors: { loadCentre: loadCentre.logic, issueTicket: issue.logic } }), {
    input: { identifyToken },
  });
  actor.start();
  return { actor, loadCentre, issue };
}

describe('queueTicketFlow', () => {
  it('without a card: category → a ticket without identify token; the output carries the centre name', async () => {
    const { actor, loadCentre, issue } = start();
    expect(actor.getSnapshot().value).toBe('loadingCentre');
    loadCentre.last.resolve(FIXTURE_CENTRE);
    await settle();
    expect(actor.getSnapshot().value).toBe('choosingCategory');
    actor.send({ type: 'category.choose', category: 'A' });
    expect(issue.last.input).toMatchObject({ category: 'A', identifyToken: null });
    const ticket = issuedTicketFor('A', 12);
    issue.last.resolve(ticket);
    await settle();
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ kind: 'issued', ticket, centreName: FIXTURE_CENTRE.name });
  });

  it('with a card the identify token goes with the request (the server decides priority)', async () => {
    const { actor, loadCentre, issue } = start('tok_82');
    loadCentre.last.resolve(FIXTURE_CENTRE);
    await settle();
    actor.send({ type: 'category.choose', category: 'C' });
    expect(issue.last.input).toMatchObject({ category: 'C', identifyToken: 'tok_82' });
  });

  it('a retry after a failed issue sends the same key; the same category again reuses it, another gets a new one', async () => {
    const { actor, loadCentre, issue } = start();
    loadCentre.last.resolve(FIXTURE_CENTRE);
    await settle();
    const failOnce = async () => {
      issue.last.reject(new CodedError('NETWORK'));
      await settle();
    };
    actor.send({ type: 'category.choose', category: 'A' });
    await failOnce();
    expect(actor.getSnapshot().value).toBe('issueFailed');
    expect(actor.getSnapshot().context.errorCode).toBe('NETWORK');
    actor.send({ type: 'flow.retry' });
    expect(actor.getSnapshot().context.errorCode).toBeNull();
    await failOnce();
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('choosingCategory');
    actor.send({ type: 'category.choose', category: 'B' });
    await failOnce();
    actor.send({ type: 'flow.back' });
    actor.send({ type: 'category.choose', category: 'A' });
    const keys = issue.calls.map((c) => c.input.idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[3]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ignores a category the centre does not have, and cannot be cancelled while issuing', async () => {
    const { actor, loadCentre, issue } = start();
    loadCentre.last.resolve(FIXTURE_CENTRE);
    await settle();
    actor.send({ type: 'category.choose', category: 'Z' });
    expect(actor.getSnapshot().value).toBe('choosingCategory');
    expect(issue.calls).toHaveLength(0);
    actor.send({ type: 'category.choose', category: 'B' });
    actor.send({ type: 'flow.cancel' });
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().value).toBe('issuing');
    issue.last.resolve(issuedTicketFor('B'));
    await settle();
    expect(actor.getSnapshot().output?.kind).toBe('issued');
  });

  it('a centre that cannot be loaded: 再试一次 loads again; back leaves with no ticket', async () => {
    const { actor, loadCentre } = start();
    loadCentre.last.reject(new CodedError('CENTRE_NOT_FOUND'));
    await settle();
    expect(actor.getSnapshot().value).toBe('loadFailed');
    expect(actor.getSnapshot().context.errorCode).toBe('CENTRE_NOT_FOUND');
    actor.send({ type: 'flow.retry' });
    expect(loadCentre.calls).toHaveLength(2);
    actor.send({ type: 'flow.back' });
    expect(actor.getSnapshot().output).toEqual({ kind: 'back' });
    expect(loadCentre.last.aborted).toBe(true);
  });
});

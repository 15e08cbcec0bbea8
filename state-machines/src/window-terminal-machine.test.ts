import type { CentreView, CounterView, StaffLoginRequest, StaffUserView, TicketHolderView } from '@eldercare/domain';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { CodedError, controllableActor, settle } from './testing/controllable-actor';
import { CENTRE, HOLDER, TECHNICIAN, WINDOW1, counterView, openView, ticket } from './testing/window-fixtures';
import { windowTerminalMachine, type CounterActionInput, type CounterRef } from './window-terminal-machine';

function start() {
  const checkSession = controllableActor<StaffUserView, void>();
  const login = controllableActor<StaffUserView, StaffLoginRequest>();
  const logout = controllableActor<void, void>();
  const loadCentre = controllableActor<CentreView, { centreId: string }>();
  const loadCounter = controllableActor<CounterView, CounterRef>();
  const counterAction = controllableActor<CounterView, CounterActionInput>();
  const loadHolder = controllableActor<TicketHolderView, { ticketId: string }>();
  const actor = createActor(
    windowTerminalMachine.provide({
      actors: {
        checkSession: checkSession.logic,
        login: login.logic,
        logout: logout.logic,
        loadCentre: loadCentre.logic,
        loadCounter: loadCounter.logic,
        counterAction: counterAction.logic,
        loadHolder: loadHolder.logic,
      },
    }),
  );
  actor.start();
  const state = () => actor.getSnapshot();
  return { actor, state, checkSession, login, logout, loadCentre, loadCounter, counterAction, loadHolder };
}

/** Logged in as window1 with counter 1 shown as `view`. */
async function atCounter(view: CounterView) {
  const t = start();
  t.checkSession.last.resolve(WINDOW1);
  await settle();
  t.loadCentre.last.resolve(CENTRE);
  await settle();
  t.actor.send({ type: 'counter.choose', number: 1 });
  t.loadCounter.last.resolve(view);
  await settle();
  return t;
}

describe('windowTerminalMachine', () => {
  it('logs in; the password goes to the login actor and is kept nowhere in context', async () => {
    const t = start();
    t.checkSession.last.reject(new CodedError('STAFF_SESSION_REQUIRED'));
    await settle();
    expect(t.state().value).toBe('loggedOut');
    expect(t.state().context.errorCode).toBeNull();

    t.actor.send({ type: 'login.submit', username: 'window1', password: 'wrong-password' });
    expect(t.login.last.input).toEqual({ username: 'window1', password: 'wrong-password' });
    t.login.last.reject(new CodedError('STAFF_LOGIN_FAILED'));
    await settle();
    expect(t.state().value).toBe('loggedOut');
    expect(t.state().context.errorCode).toBe('STAFF_LOGIN_FAILED');

    t.actor.send({ type: 'login.submit', username: 'window1', password: 'right-password' });
    expect(t.state().context.errorCode).toBe('STAFF_LOGIN_FAILED'); // shown until the answer comes
    t.login.last.resolve(WINDOW1);
    await settle();
    expect(t.state().value).toEqual({ choosingCounter: 'loading' });
    expect(t.loadCentre.last.input).toEqual({ centreId: 'xuhui-tianping' });
    expect(JSON.stringify(t.state().context)).not.toContain('right-password');
  });

  it('a technician may log in but not use the window terminal', async () => {
    const t = start();
    t.checkSession.last.resolve(TECHNICIAN);
    await settle();
    expect(t.state().value).toBe('forbidden');
    t.actor.send({ type: 'session.logout' });
    t.logout.last.resolve();
    await settle();
    expect(t.state().value).toBe('loggedOut');
    expect(t.state().context.user).toBeNull();
  });

  it('opens a closed counter, calls, recalls, finishes; each answer is the new view', async () => {
    const t = await atCounter(counterView());
    expect(t.state().value).toEqual({ counter: 'closed' });
    t.actor.send({ type: 'ticket.callNext' }); // not while closed
    expect(t.counterAction.calls).toHaveLength(0);

    t.actor.send({ type: 'counter.open' });
    expect(t.counterAction.last.input).toEqual({ centreId: 'xuhui-tianping', number: 1, action: { kind: 'open' } });
    t.counterAction.last.resolve(openView());
    await settle();
    expect(t.state().value).toEqual({ counter: { open: 'idle' } });

    t.actor.send({ type: 'ticket.callNext' });
    expect(t.state().value).toEqual({ counter: 'calling' });
    const a001 = ticket('A001');
    t.counterAction.last.resolve(openView(a001));
    await settle();
    expect(t.state().value).toEqual({ counter: { open: { serving: 'shown' } } });
    expect(t.loadHolder.calls).toHaveLength(0); // no ID card, nothing to read

    t.actor.send({ type: 'ticket.recall' });
    expect(t.counterAction.last.input.action).toEqual({ kind: 'recall' });
    t.counterAction.last.resolve(openView({ ...a001, callCount: 2 }));
    await settle();
    expect(t.state().context.view?.current?.callCount).toBe(2);

    t.actor.send({ type: 'ticket.finish' });
    t.counterAction.last.resolve(openView());
    await settle();
    expect(t.state().value).toEqual({ counter: { open: 'idle' } });
  });

  it('reads the holder once per ticket, and drops it when the next ticket is called', async () => {
    const a002 = ticket('A002', { hasHolder: true, priority: ['age80'], reason: { code: 'priority', priorityClass: 'age80' } });
    const t = await atCounter(openView(a002));
    expect(t.state().value).toEqual({ counter: { open: { serving: 'loadingHolder' } } });
    expect(t.loadHolder.last.input).toEqual({ ticketId: a002.ticketId });
    t.loadHolder.last.resolve(HOLDER);
    await settle();
    expect(t.state().context.holder).toEqual({ ticketId: a002.ticketId, view: HOLDER, errorCode: null });

    t.actor.send({ type: 'ticket.recall' });
    t.counterAction.last.resolve(openView({ ...a002, callCount: 2 }));
    await settle();
    expect(t.loadHolder.calls).toHaveLength(1); // the recall does not read again (audited reads)
    expect(t.state().context.holder?.view).toEqual(HOLDER);

    // A refresh that still shows the ticket keeps it; finishing drops it.
    t.actor.send({ type: 'view.stale' });
    t.loadCounter.last.resolve(openView({ ...a002, callCount: 2 }));
    await settle();
    expect(t.state().context.holder?.view).toEqual(HOLDER);
    expect(t.loadHolder.calls).toHaveLength(1);
    t.actor.send({ type: 'ticket.callNext' }); // not while a ticket is at the window: it says why
    expect(t.counterAction.calls).toHaveLength(1);
    expect(t.state().context.errorCode).toBe('CURRENT_TICKET_OPEN');
    t.actor.send({ type: 'ticket.noShow' });
    t.counterAction.last.resolve(openView());
    await settle();
    expect(t.state().context.holder).toBeNull();
    t.actor.send({ type: 'ticket.callNext' });
    t.counterAction.last.resolve(openView(ticket('A003')));
    await settle();
    expect(t.state().context.holder).toBeNull();
  });

  it('a holder that cannot be read says why, once, for that ticket only', async () => {
    const a002 = ticket('A002', { hasHolder: true });
    const t = await atCounter(openView(a002));
    t.loadHolder.last.reject(new CodedError('NETWORK'));
    await settle();
    expect(t.state().value).toEqual({ counter: { open: { serving: 'shown' } } });
    expect(t.state().context.holder).toEqual({ ticketId: a002.ticketId, view: null, errorCode: 'NETWORK' });
  });

  it('a failed action keeps the state, shows the code, and reloads the view', async () => {
    const t = await atCounter(openView());
    t.actor.send({ type: 'ticket.callNext' });
    t.counterAction.last.reject(new CodedError('QUEUE_EMPTY'));
    await settle();
    expect(t.state().value).toEqual({ counter: 'refreshing' });
    t.loadCounter.last.resolve(openView());
    await settle();
    expect(t.state().value).toEqual({ counter: { open: 'idle' } });
    expect(t.state().context.errorCode).toBe('QUEUE_EMPTY');

    t.actor.send({ type: 'error.dismiss' });
    expect(t.state().context.errorCode).toBeNull();
  });

  it('a failed transfer reopens its dialog', async () => {
    const t = await atCounter(openView(ticket('A004')));
    t.actor.send({ type: 'transfer.start' });
    expect(t.state().value).toEqual({ counter: { open: { serving: 'transferring' } } });
    t.actor.send({ type: 'ticket.finish' }); // shortcuts do nothing behind the dialog
    expect(t.counterAction.calls).toHaveLength(0);
    t.actor.send({ type: 'transfer.submit', request: { toCounter: 2 } });
    expect(t.counterAction.last.input.action).toEqual({ kind: 'transfer', request: { toCounter: 2 } });
    t.counterAction.last.reject(new CodedError('COUNTER_CLOSED'));
    await settle();
    t.loadCounter.last.resolve(t.state().context.view!);
    await settle();
    expect(t.state().value).toEqual({ counter: { open: { serving: 'transferring' } } });
    expect(t.state().context.errorCode).toBe('COUNTER_CLOSED');

    t.actor.send({ type: 'transfer.submit', request: { toCategory: 'B' } });
    t.counterAction.last.resolve(openView());
    await settle();
    expect(t.state().value).toEqual({ counter: { open: 'idle' } });
  });

  it('a 401 from any call ends the session and says so', async () => {
    const t = await atCounter(openView(ticket('A005')));
    t.actor.send({ type: 'ticket.finish' });
    t.counterAction.last.reject(new CodedError('STAFF_SESSION_REQUIRED'));
    await settle();
    expect(t.state().value).toBe('loggedOut');
    expect(t.state().context).toMatchObject({ errorCode: 'STAFF_SESSION_REQUIRED', user: null, view: null, holder: null });
  });

  it('session.expired from the host ends the session from anywhere', async () => {
    const t = await atCounter(openView());
    t.actor.send({ type: 'session.expired' });
    expect(t.state().value).toBe('loggedOut');
    expect(t.state().context.errorCode).toBe('STAFF_SESSION_REQUIRED');
  });

  it('shows a counter held by someone else, read-only', async () => {
    const t = await atCounter(counterView({ state: 'open', staffUsername: 'window2' }));
    expect(t.state().value).toEqual({ counter: 'heldByOther' });
    t.actor.send({ type: 'counter.open' });
    expect(t.counterAction.calls).toHaveLength(0);
    t.actor.send({ type: 'counter.leave' });
    expect(t.state().value).toEqual({ choosingCounter: 'loading' });
  });

  it('a queue event reloads the view; one during an action reloads after it', async () => {
    const t = await atCounter(openView());
    t.actor.send({ type: 'view.stale' });
    expect(t.state().value).toEqual({ counter: 'refreshing' });
    t.loadCounter.last.resolve(openView(null, { next: { ticketNo: 'A001', reason: { code: 'first-come' } } }));
    await settle();
    expect(t.state().context.view?.next?.ticketNo).toBe('A001');

    t.actor.send({ type: 'ticket.callNext' });
    t.actor.send({ type: 'view.stale' });
    expect(t.state().value).toEqual({ counter: 'calling' });
    const loadsBefore = t.loadCounter.calls.length;
    t.counterAction.last.resolve(openView(ticket('A001')));
    await settle();
    expect(t.loadCounter.calls).toHaveLength(loadsBefore + 1);
    t.loadCounter.last.resolve(openView(ticket('A001')));
    await settle();
    expect(t.state().value).toEqual({ counter: { open: { serving: 'shown' } } });
  });

  it('a key pressed during a background read is not lost: it acts on the last view, and the read follows', async () => {
    const t = await atCounter(openView(null, { next: { ticketNo: 'A001', reason: { code: 'first-come' } } }));
    t.actor.send({ type: 'view.stale' });
    expect(t.state().value).toEqual({ counter: 'refreshing' });
    t.actor.send({ type: 'ticket.callNext' });
    expect(t.state().value).toEqual({ counter: 'calling' });
    expect(t.counterAction.last.input.action).toEqual({ kind: 'call-next' });
    t.counterAction.last.resolve(openView(ticket('A001')));
    await settle();
    expect(t.state().value).toEqual({ counter: 'refreshing' });
    t.loadCounter.last.resolve(openView(ticket('A001')));
    await settle();
    expect(t.state().value).toEqual({ counter: { open: { serving: 'shown' } } });

    // A key the last view does not allow is dropped, and the read is done again.
    t.actor.send({ type: 'view.stale' });
    const reads = t.loadCounter.calls.length;
    t.actor.send({ type: 'counter.open' });
    expect(t.counterAction.calls).toHaveLength(1);
    expect(t.state().value).toEqual({ counter: 'refreshing' });
    expect(t.loadCounter.calls).toHaveLength(reads + 1);
  });

  it('a key pressed while the counter is first read counts once it is there', async () => {
    const t = start();
    t.checkSession.last.resolve(WINDOW1);
    await settle();
    t.loadCentre.last.resolve(CENTRE);
    await settle();
    t.actor.send({ type: 'counter.choose', number: 1 });
    t.actor.send({ type: 'counter.open' });
    expect(t.counterAction.calls).toHaveLength(0);
    t.loadCounter.last.resolve(counterView());
    await settle();
    expect(t.counterAction.last.input.action).toEqual({ kind: 'open' });
    expect(t.state().context.deferredKey).toBeNull();
  });

  it('pauses and resumes; logging out is refused while the counter is open, allowed once closed', async () => {
    const t = await atCounter(openView());
    t.actor.send({ type: 'session.logout' });
    expect(t.logout.calls).toHaveLength(0);
    t.actor.send({ type: 'counter.pause' });
    t.counterAction.last.resolve(openView(null, { state: 'paused' }));
    await settle();
    expect(t.state().value).toEqual({ counter: { open: 'paused' } });
    t.actor.send({ type: 'ticket.callNext' });
    expect(t.counterAction.calls).toHaveLength(1);
    t.actor.send({ type: 'counter.close' });
    t.counterAction.last.resolve(counterView());
    await settle();
    expect(t.state().value).toEqual({ counter: 'closed' });
    t.actor.send({ type: 'session.logout' });
    t.logout.last.resolve();
    await settle();
    expect(t.state().value).toBe('loggedOut');
    expect(t.state().context.errorCode).toBeNull();
  });

  it('the host placeholder actors fail loudly', async () => {
    const actor = createActor(windowTerminalMachine.provide({ actors: { checkSession: fromPromise(() => Promise.resolve(WINDOW1)) } }));
    actor.start();
    await settle();
    expect(actor.getSnapshot().value).toEqual({ choosingCounter: 'failed' });
    expect(actor.getSnapshot().context.errorCode).toBe('HOST_ACTOR_MISSING');
  });
});

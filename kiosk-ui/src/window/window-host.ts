import { windowTerminalMachine } from '@eldercare/state-machines';
import { fromPromise } from 'xstate';
import { windowClient } from './window-client';

/** The window terminal machine with the browser's I/O: every actor is one server call. */
export function providedWindowTerminal(client = windowClient) {
  return windowTerminalMachine.provide({
    actors: {
      checkSession: fromPromise(() => client.me()),
      login: fromPromise(({ input }) => client.login(input)),
      logout: fromPromise(() => client.logout()),
      loadCentre: fromPromise(({ input }) => client.centre(input.centreId)),
      loadCounter: fromPromise(({ input }) => client.counter(input)),
      counterAction: fromPromise(({ input }) => client.act(input)),
      loadHolder: fromPromise(({ input }) => client.holder(input.ticketId)),
    },
  });
}

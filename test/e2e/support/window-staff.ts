import { demoPassword } from './demo-staff';
import type { CounterView, IssuedTicket } from '@eldercare/domain';
import { DEMO_CENTRE_ID } from '@eldercare/server';

/** A demo staff member at a counter of the demo centre, through the real window API (session cookie). */
export interface CounterStaff {
  act(action: 'open' | 'close' | 'pause' | 'resume' | 'call-next' | 'recall' | 'no-show' | 'finish'): Promise<CounterView>;
}

/** Logs a demo account in (its random password from the stack's demo passwords file) for one counter. */
export async function staffAtCounter(serverUrl: string, passwordsFile: string, username: string, counter: number): Promise<CounterStaff> {
  const password = demoPassword(passwordsFile, username);
    const login = await fetch(`${serverUrl}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return {
    async act(action) {
      const response = await fetch(`${serverUrl}/api/v1/window/centres/${DEMO_CENTRE_ID}/counters/${counter}/${action}`, {
        method: 'POST',
        headers: { cookie, origin: serverUrl },
      });
      if (!response.ok) throw new Error(`${username} ${action} at ${counter}: ${response.status} ${await response.text()}`);
      return (await response.json()) as CounterView;
    },
  };
}

/** A ticket as a kiosk takes one without an ID card (a normal ticket). */
export async function takeTicket(serverUrl: string, category: string): Promise<IssuedTicket> {
  const response = await fetch(`${serverUrl}/api/v1/queue/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ centreId: DEMO_CENTRE_ID, category, kioskId: 'e2e-display' }),
  });
  if (response.status !== 201) throw new Error(`ticket ${category}: ${response.status} ${await response.text()}`);
  return (await response.json()) as IssuedTicket;
}

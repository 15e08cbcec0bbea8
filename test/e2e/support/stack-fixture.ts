import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoResidents, shanghaiDate, type DemoResident } from '@eldercare/domain';
import { startStack, type RunningStack, type StackOptions } from '../../../scripts/stack';

/** The same stack as `npm start` (server + agent + built UI), on free ports in a temp folder. */
export async function startTestStack(options: StackOptions = {}): Promise<RunningStack & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eldercare-e2e-'));
  const stack = await startStack({ serverPort: 0, agentPort: 0, dataDir, pollIntervalMs: 100, ...options });
  return {
    ...stack,
    dataDir,
    async close() {
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function resident(key: string): DemoResident {
  const found = demoResidents(shanghaiDate(new Date())).find((r) => r.key === key);
  if (!found) throw new Error(`no demo resident ${key}`);
  return found;
}

async function readerState(stack: RunningStack): Promise<string> {
  const response = await fetch(`${stack.agentUrl}/v1/status`, { headers: { authorization: `Bearer ${stack.agentToken}` } });
  const status = (await response.json()) as { reader: { state: string } };
  return status.reader.state;
}

/**
 * Places a demo card on the simulated reader, the way the /sim page does (agent HTTP API). A
 * card still lying there from an earlier test is taken off first, and the reader is given the
 * time to notice, as with a real hand swapping cards.
 */
export async function placeCard(stack: RunningStack, key: string): Promise<void> {
  if ((await readerState(stack)) !== 'ready') {
    await removeCard(stack);
    for (let i = 0; i < 100 && (await readerState(stack)) !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
  }
  const response = await fetch(`${stack.agentUrl}/v1/sim/card`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${stack.agentToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  if (response.status !== 204) throw new Error(`placing ${key} failed: ${response.status}`);
}

export async function removeCard(stack: RunningStack): Promise<void> {
  await fetch(`${stack.agentUrl}/v1/sim/card`, { method: 'DELETE', headers: { authorization: `Bearer ${stack.agentToken}` } });
}

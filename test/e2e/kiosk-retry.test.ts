import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { onScreen, tap } from './support/browser';
import { useKioskSuite } from './support/kiosk-suite';
import { placeCard } from './support/stack-fixture';
import { demoStaffPasswordsFile, staffSession } from './support/staff-session';
import { hasChromium } from './support/tool-check';

describe.skipIf(!hasChromium)('kiosk: a submission retried after a dropped response', () => {
  const passwordsFile = demoStaffPasswordsFile();
  const suite = useKioskSuite({ stack: { demoStaffPasswordsFile: passwordsFile } });

  it('yields one application: the server got the first request, the kiosk never saw the answer', async () => {
    const { page, stack } = suite;
    const seen: { key: string | null; status: number; applicationNo: string }[] = [];
    let dropNext = true;
    await page.route('**/api/v1/applications', async (route: Route) => {
      // Let the request reach the real server, then lose its answer on the way back.
      const response = await route.fetch();
      const body = (await response.json()) as { applicationNo: string };
      seen.push({ key: route.request().headers()['idempotency-key'] ?? null, status: response.status(), applicationNo: body.applicationNo });
      if (dropNext) {
        dropNext = false;
        await route.abort('connectionreset');
      } else {
        await route.fulfill({ response });
      }
    });

    await placeCard(stack, 'huang-yongfu'); // turned 65 today
    await onScreen(page, 'menu');
    await tap(page, 'service-allowance-channel');
    await onScreen(page, 'allowanceChoosing');
    await tap(page, 'channel-senior-card');
    await tap(page, 'confirm');
    await onScreen(page, 'submitFailed');
    await expect(page.textContent('[data-screen=submitFailed]')).resolves.toContain('您填写的内容都还在');
    await tap(page, 'retry');
    await onScreen(page, 'receiptPrinted');

    expect(seen).toHaveLength(2);
    expect(seen[0]!.key).toBeTruthy();
    expect(seen[1]!.key).toBe(seen[0]!.key);
    expect(seen[0]!.status).toBe(201);
    expect(seen[1]!.applicationNo).toBe(seen[0]!.applicationNo);
    await expect(page.textContent('[data-testid=application-no]')).resolves.toBe(seen[0]!.applicationNo);

    // Nothing else was created: the next application takes the very next number.
    const staff = await staffSession(stack.serverUrl, passwordsFile);
    expect((await staff.fetch(`/api/v1/applications/${seen[0]!.applicationNo}`)).status).toBe(200);
    const next = `${seen[0]!.applicationNo.slice(0, 10)}${String(Number(seen[0]!.applicationNo.slice(10)) + 1).padStart(6, '0')}`;
    expect((await staff.fetch(`/api/v1/applications/${next}`)).status).toBe(404);
  });
});

/**
 * The server for the display fan-out bench, in its own process: the real app (options from the
 * environment as `npm start` reads them) plus one control line on stdin, `call <n>`, which appends
 * a `ticket.called` through the real path (appendQueueEvent in a transaction on the app's
 * database) and prints `appended <id>`. PGlite lives inside this process, so the bench cannot
 * append from outside.
 */
import { createInterface } from 'node:readline';
import { appendQueueEvent, buildApp, DEMO_CENTRE_ID, optionsFromEnv } from '@eldercare/server';

const { app: options, listen } = optionsFromEnv();
const app = await buildApp(options);
await app.listen({ port: listen.port, host: listen.host });
console.log(`display fan-out server listening on ${listen.port}`);

for await (const line of createInterface({ input: process.stdin })) {
  const match = /^call (\d+)$/.exec(line);
  if (!match) continue;
  const n = (Number(match[1]) % 999) + 1;
  const id = await app.db.transaction((tx) =>
    appendQueueEvent(
      tx,
      DEMO_CENTRE_ID,
      { type: 'ticket.called', ticketNo: `A${String(n).padStart(3, '0')}`, category: 'A', counterNumber: 1 + (n % 4), callCount: 1, waiting: [{ category: 'A', waiting: 12 }] },
      app.clock(),
    ),
  );
  console.log(`appended ${id}`);
}
await app.close();

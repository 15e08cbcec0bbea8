import { buildApp } from './app';
import { optionsFromEnv } from './options-from-env';

/** `npm run server`: the server alone. Everything else is in buildApp. */
const { app: options, listen } = optionsFromEnv();
const app = await buildApp(options);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

const address = await app.listen({ port: listen.port, host: listen.host });
const shown = listen.host === '0.0.0.0' || listen.host === '::' ? address.replace(/\/\/[^:/]+|\/\/\[[^\]]+\]/, '//localhost') : address;
console.log(`Eldercare server listening on ${shown}`);
console.log(`  API docs: ${shown}/api/docs   database: ${app.databaseKind}${options.uiDir ? `   kiosk: ${shown}/kiosk/` : ''}`);

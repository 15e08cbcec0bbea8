/**
 * `npm start`: the whole product on this machine with its embedded defaults — PGlite in ./data,
 * simulated ID reader and printer — and the URL of every page.
 *
 * Environment: PORT (8080), AGENT_PORT (7421), DATA_DIR (./data), DATABASE_URL (PostgreSQL
 * instead of PGlite; then DATA_KEY, base64 of 32 bytes, is required), CENTRE_NAME,
 * READER / PRINTER (device addresses of real devices), LOG=1 for request logs, DEMO_STAFF=off to
 * create no demo staff accounts (otherwise their random passwords are in <data>/demo-staff-passwords.txt).
 * Without READER and PRINTER the devices are simulators in their own processes on TCP loopback
 * ports, each with a control API (see the printed addresses); SIMULATORS=in-process runs them
 * inside the agent instead, READER_PTY=/tmp/ttyIdReader puts the reader on a pseudo-terminal
 * (needs socat). RIDE_HAILING_URL books taxis through a real 申程出行 endpoint instead of the
 * built-in simulator.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_CENTRE_ID, DEMO_STAFF_PASSWORDS_FILE } from '@eldercare/server';
import { REPO_ROOT, UI_DIR, startStack } from './stack';

const env = process.env;
const intEnv = (name: string, fallback: number) => {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number, got "${env[name]}"`);
    process.exit(2);
  }
  return value;
};

if (!existsSync(UI_DIR)) {
  console.error('The UI is not built: run `npm run build` (npm start does this for you).');
  process.exit(1);
}

const dataKey = env.DATA_KEY ? Buffer.from(env.DATA_KEY, 'base64') : undefined;
const demoStaffPasswordsFile = env.DEMO_STAFF === 'off' ? undefined : join(resolve(REPO_ROOT, env.DATA_DIR ?? 'data'), DEMO_STAFF_PASSWORDS_FILE);
const stack = await startStack({
  serverPort: intEnv('PORT', 8080),
  agentPort: intEnv('AGENT_PORT', 7421),
  dataDir: resolve(REPO_ROOT, env.DATA_DIR ?? 'data'),
  ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
  ...(dataKey && { dataKey }),
  ...(env.READER && { reader: env.READER }),
  ...(env.PRINTER && { receiptPrinter: env.PRINTER }),
  simulators: env.SIMULATORS === 'in-process' ? 'in-process' : 'processes',
  ...(env.READER_PTY && { readerPty: env.READER_PTY }),
  ...(env.CENTRE_NAME && { centreName: env.CENTRE_NAME }),
  logger: env.LOG === '1',
  ...(demoStaffPasswordsFile && { demoStaffPasswordsFile }),
  ...(env.RIDE_HAILING_URL && { rideHailingUrl: env.RIDE_HAILING_URL }),
}).catch((err: NodeJS.ErrnoException) => {
  // The usual first-run problem gets a sentence, not a stack trace.
  if (err.code === 'EADDRINUSE') {
    console.error(`A port is already in use (${err.message}). Stop the other program, or choose ports: PORT=8081 AGENT_PORT=7422 npm start`);
    process.exit(1);
  }
  throw err;
});

const simulated = !env.READER || !env.PRINTER || env.READER.startsWith('sim:') || env.PRINTER.startsWith('sim:');
const sims = stack.simulatorProcesses;
const simulatorLines = sims
  ? `
Simulated devices, each its own process with a control API (README.md, "Simulated devices"):
  ID card reader        ${sims.reader.address.padEnd(34)} control ${sims.reader.controlUrl}
  Receipt printer       ${sims.receiptPrinter.address.padEnd(34)} control ${sims.receiptPrinter.controlUrl}
  Ticket printer        ${sims.ticketPrinter.address.padEnd(34)} control ${sims.ticketPrinter.controlUrl}
`
  : '';
console.log(`
养老服务“一件事” · Elderly-care services kiosk — running
  Kiosk (citizens)      ${stack.kioskUrl}?centre=${DEMO_CENTRE_ID}
  Device simulator      ${stack.simUrl}${simulated ? '' : '   (devices are real: simulator unavailable)'}
  Technician page       ${stack.techUrl}   (on this PC only: it pairs with the agent over loopback)
  Window terminal       ${stack.windowUrl}   (staff log in; e.g. window1)
  Call display          ${stack.displayUrl}
  Statistics            ${stack.adminUrl}   (supervisor)
  API documentation     ${stack.docsUrl}
  Device agent          ${stack.agentUrl}   (pairing token: ${stack.agentToken})
  Staff accounts        ${demoStaffPasswordsFile ? `demo passwords in ${demoStaffPasswordsFile}` : 'no demo accounts (DEMO_STAFF=off)'}
  Taxi (申程出行)       ${stack.rideHailingSimulator ? `simulator ${stack.rideHailingUrl}` : stack.rideHailingUrl}
  Database              ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${resolve(REPO_ROOT, env.DATA_DIR ?? 'data')}`}
${simulatorLines}
Open the simulator and the kiosk side by side: place a demo ID card in the simulator, then tap
through the kiosk. Kiosk browsers should run Chromium with
  --kiosk --autoplay-policy=no-user-gesture-required
Press Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

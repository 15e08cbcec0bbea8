import { render } from 'preact';
import { AgentClient } from '../shared/agent/agent-client';
import { discoverAgentPairing } from '../shared/agent/agent-pairing';
import { createSpeaker } from '../shared/speech/speaker';
import type { DeviceState } from './device-problem';
import { KioskApp } from './kiosk-app';
import { createKioskSession, requestHelp } from './kiosk-host';
import { createPrinterFaultReporter } from './printer-fault-reporter';
import { keyClip, serviceNameClip, SPOKEN_KEYS, SPOKEN_SERVICES } from './spoken-keys';
import './kiosk.css';

/**
 * Kiosk start-up: find the device agent, start the session machine, forward card events to it,
 * render. Optional URL parameters for technicians and tests: `idleWarningAfter`, `idleCountdown`
 * (ms; the countdown is never below 20 s), `kiosk` (kiosk id), `centre` (the queue centre id, as on
 * /display/: 取号 issues its tickets, and receipts and tickets are headed with its name; without
 * it the kiosk offers no 取号).
 */
async function start() {
  const params = new URLSearchParams(location.search);
  const pairing = await discoverAgentPairing();
  const agent = pairing ? new AgentClient(pairing) : null;
  const numberParam = (name: string) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) ? value : undefined;
  };
  const kioskId = params.get('kiosk') ?? 'kiosk';
  const centreId = params.get('centre') || null;
  const session = createKioskSession({
    agent,
    kioskId,
    centreId,
    timing: {
      ...(numberParam('idleWarningAfter') !== undefined && { idleWarningAfter: numberParam('idleWarningAfter') }),
      ...(numberParam('idleCountdown') !== undefined && { idleCountdown: numberParam('idleCountdown') }),
    },
  });
  session.start();
  const speaker = createSpeaker({ clips: new Set([...SPOKEN_KEYS.map(keyClip), ...SPOKEN_SERVICES.map(serviceNameClip)]) });
  const root = document.getElementById('app')!;
  let device: DeviceState = { paired: agent !== null, connected: false, status: null };
  const draw = () => render(<KioskApp session={session} speaker={speaker} device={device} ticketsOffered={centreId !== null} />, root);

  if (agent) {
    agent.onConnection((connected) => {
      device = { ...device, connected };
      draw();
    });
    const reportPrinterFault = createPrinterFaultReporter(
      (detail) => void requestHelp({ kioskId, centreId, serviceKey: null, reason: 'printer-fault', detail }),
    );
    agent.onEvent((event) => {
      if (event.type === 'device.status') {
        reportPrinterFault(event.status);
        device = { ...device, status: event.status };
        draw();
        return;
      }
      // Card events go straight into the machine; the page keeps no copy.
      session.send(event);
    });
    agent.connect();
  }
  draw();
}

void start();

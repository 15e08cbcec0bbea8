import { serverClient } from '../api/server-client';

/** Where the kiosk's device agent listens and the token that proves this page may use it. */
export interface AgentPairing {
  url: string;
  token: string;
}

const STORAGE_KEY = 'eldercare.agentPairing';

/**
 * Finds the agent. A technician pairs a kiosk once by opening the page with
 * `?agent=http://127.0.0.1:7421&pair=<token>`; the pairing (not personal data) is kept in
 * localStorage. On a machine where server and agent run together (`npm start`), the server
 * hands the pairing to pages loaded from loopback. The URL parameters are removed at once.
 */
export async function discoverAgentPairing(location: Location = window.location): Promise<AgentPairing | null> {
  const params = new URLSearchParams(location.search);
  const url = params.get('agent');
  const token = params.get('pair');
  if (url && token) {
    const pairing = { url: url.replace(/\/+$/, ''), token };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(pairing));
    params.delete('agent');
    params.delete('pair');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    return pairing;
  }
  try {
    return await serverClient.agentPairing();
  } catch {
    // Not co-located: fall back to the stored pairing.
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<AgentPairing>;
    return typeof parsed.url === 'string' && typeof parsed.token === 'string' ? { url: parsed.url, token: parsed.token } : null;
  } catch {
    return null;
  }
}

import { render } from 'preact';
import { AgentClient } from '../shared/agent/agent-client';
import { discoverAgentPairing } from '../shared/agent/agent-pairing';
import { SimPage } from './sim-page';
import './sim.css';

async function start() {
  const pairing = await discoverAgentPairing();
  const locale = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = locale;
  render(<SimPage agent={pairing ? new AgentClient(pairing) : null} locale={locale} />, document.getElementById('app')!);
}

void start();

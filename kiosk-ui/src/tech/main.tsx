import { render } from 'preact';
import { AgentClient } from '../shared/agent/agent-client';
import { discoverAgentPairing } from '../shared/agent/agent-pairing';
import { TechClient } from './tech-client';
import { TechPage } from './tech-page';
import './tech.css';

async function start() {
  const pairing = await discoverAgentPairing();
  const initial = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
  render(
    <TechPage agent={pairing ? new AgentClient(pairing) : null} tech={pairing ? new TechClient(pairing) : null} initialLocale={initial} />,
    document.getElementById('app')!,
  );
}

void start();

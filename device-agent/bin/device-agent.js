#!/usr/bin/env node
// `npx device-agent <command>`: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import(new globalThis.URL('../src/cli/main.ts', import.meta.url).href);

import { useEffect } from 'preact/hooks';
import type { ActorRefFrom } from 'xstate';
import type { WindowTerminalMachine } from '@eldercare/state-machines';
import { transferTargets } from './components/transfer-dialog/transfer-dialog';
import { shortcutEvent } from './window-shortcuts';

const FUNCTION_KEYS = new Set(['F2', 'F4', 'F8', 'F9']);

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The clerk's keys (window-shortcuts.ts), sent only when the machine takes them now. */
export function useWindowShortcuts(actor: ActorRefFrom<WindowTerminalMachine>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      const snapshot = actor.getSnapshot();
      const view = snapshot.context.view;
      const targets = view ? transferTargets(view) : { categories: [], counters: [] };
      const picking = snapshot.matches({ choosingCounter: 'ready' });
      const event = shortcutEvent(e.key, {
        pickable: picking ? (snapshot.context.centre?.counters.map((c) => c.number) ?? []) : undefined,
        transferring: snapshot.matches({ counter: { open: { serving: 'transferring' } } }),
        paused: view?.state === 'paused',
        transferCategories: targets.categories,
        transferCounters: targets.counters,
        typing: isTyping(e.target),
      });
      // Our function keys never reach the browser, even when the action is not possible now.
      if (FUNCTION_KEYS.has(e.key)) e.preventDefault();
      if (event === null || !snapshot.can(event)) return;
      e.preventDefault();
      actor.send(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor]);
}

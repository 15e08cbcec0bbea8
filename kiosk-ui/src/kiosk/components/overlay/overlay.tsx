import type { ComponentChildren } from 'preact';

/** A modal panel over the screen (inactivity warning, staff called). */
export function Overlay({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div class="overlay" role="dialog" aria-modal="true" data-overlay={name}>
      <div class="overlay-panel">{children}</div>
    </div>
  );
}

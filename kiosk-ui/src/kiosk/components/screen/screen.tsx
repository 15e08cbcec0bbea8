import type { ComponentChildren } from 'preact';

interface ScreenProps {
  /** Names the screen for tests and analytics: data-screen="menu". */
  name: string;
  heading: ComponentChildren;
  children?: ComponentChildren;
  actions?: ComponentChildren;
}

/** One screen, one decision: a heading, what to read, and the buttons at the bottom. */
export function Screen({ name, heading, children, actions }: ScreenProps) {
  return (
    <section class="screen" data-screen={name} aria-live="polite">
      <h1>{heading}</h1>
      {children}
      {actions && <div class="screen-actions">{actions}</div>}
    </section>
  );
}

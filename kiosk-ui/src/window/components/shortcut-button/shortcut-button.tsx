import type { ComponentChildren } from 'preact';

/** A button that shows its keyboard shortcut, so the clerk learns the keys by using the mouse. */
export function ShortcutButton(props: {
  testId: string;
  shortcut?: string;
  disabled: boolean;
  onPress: () => void;
  tone?: 'primary' | 'normal' | 'warn';
  title?: string;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={`wt-button wt-button--${props.tone ?? 'normal'}`}
      data-testid={props.testId}
      disabled={props.disabled}
      title={props.title}
      aria-keyshortcuts={props.shortcut}
      onClick={props.onPress}
    >
      <span class="wt-button__label">{props.children}</span>
      {props.shortcut && <kbd class="wt-kbd">{props.shortcut}</kbd>}
    </button>
  );
}

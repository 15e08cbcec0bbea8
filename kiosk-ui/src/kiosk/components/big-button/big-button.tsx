import type { ComponentChildren } from 'preact';

interface BigButtonProps {
  label: ComponentChildren;
  hint?: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'help';
  compact?: boolean;
  class?: string;
  testId?: string;
  onTap: () => void;
}

/** The only control on the kiosk: large, high-contrast, one tap. */
export function BigButton({ label, hint, variant = 'secondary', compact, class: extra, testId, onTap }: BigButtonProps) {
  const classes = ['big-button', variant, compact ? 'compact' : '', extra ?? ''].filter(Boolean).join(' ');
  return (
    <button type="button" class={classes} data-testid={testId} onClick={onTap}>
      <span class="label">{label}</span>
      {hint && <span class="hint">{hint}</span>}
    </button>
  );
}

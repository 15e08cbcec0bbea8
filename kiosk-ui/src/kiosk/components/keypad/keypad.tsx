import { BigButton } from '../big-button/big-button';

interface KeypadProps {
  onDigit: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  deleteLabel: string;
  clearLabel: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A telephone-style numeric keypad with large keys (a senior's phone looks like this). */
export function Keypad({ onDigit, onDelete, onClear, deleteLabel, clearLabel }: KeypadProps) {
  return (
    <div class="keypad" role="group">
      {DIGITS.map((d) => (
        <BigButton key={d} label={d} testId={`key-${d}`} onTap={() => onDigit(d)} />
      ))}
      <BigButton label={clearLabel} class="small-label" testId="key-clear" onTap={onClear} />
      <BigButton label="0" testId="key-0" onTap={() => onDigit('0')} />
      <BigButton label={deleteLabel} class="small-label" testId="key-delete" onTap={onDelete} />
    </div>
  );
}

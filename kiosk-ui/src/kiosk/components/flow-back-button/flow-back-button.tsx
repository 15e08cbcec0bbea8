import type { MessageKey } from '@eldercare/domain';
import { useKiosk } from '../../kiosk-context';
import { BigButton } from '../big-button/big-button';

/** 返回 inside a service flow: one step back (flow.back), never out of the session. */
export function FlowBackButton({ label = 'kiosk.back', variant = 'secondary' }: { label?: MessageKey; variant?: 'primary' | 'secondary' }) {
  const { t, send } = useKiosk();
  return <BigButton variant={variant} label={t(label)} testId="back" onTap={() => send({ type: 'flow.back' })} />;
}

import type { IdentifyResponse } from '@eldercare/domain';
import { useKiosk } from '../../kiosk-context';
import './proxy-screens.css';

/** While someone applies for a senior (代办), every screen names both, masked. */
export function ProxyBanner({ applicant, senior }: { applicant: IdentifyResponse; senior: IdentifyResponse }) {
  const { t } = useKiosk();
  return (
    <div class="proxy-banner" role="status" data-testid="proxy-banner">
      {t('kioskMenu.proxy.banner', { applicant: applicant.person.nameMasked, senior: senior.person.nameMasked })}
    </div>
  );
}

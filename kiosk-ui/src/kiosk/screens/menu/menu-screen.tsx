import { findService, localized, type IdentifyResponse, type MessageKey } from '@eldercare/domain';
import { menuView, type MenuEntry, type MenuGroupPage, type MenuPage } from '@eldercare/state-machines';
import { BigButton } from '../../components/big-button/big-button';
import { Screen } from '../../components/screen/screen';
import { TakeTicketHint } from '../../components/take-ticket-hint/take-ticket-hint';
import { useKiosk } from '../../kiosk-context';
import { useSpokenPrompt } from '../../use-spoken-prompt';
import './menu-screen.css';

/** Menu entries that are not one catalogue service are named by the menu itself. */
const OWN_NAMES: Record<string, MessageKey> = {
  'ltc-joint': 'kioskMenu.service.ltc-joint',
  'home-visit': 'kioskMenu.service.home-visit',
  progress: 'kioskMenu.service.progress',
};
const OWN_HINTS: Record<string, MessageKey> = { progress: 'kioskMenu.service.progressHint' };
const GROUP_NAMES: Record<MenuGroupPage, MessageKey> = { apply: 'kioskMenu.group.apply', daily: 'kioskMenu.group.daily' };

function ServiceButton({ entry }: { entry: MenuEntry }) {
  const { t, send, locale } = useKiosk();
  const own = OWN_NAMES[entry.serviceKey];
  const label = own ? t(own) : localized(locale, findService(entry.serviceKey).name);
  const ownHint = OWN_HINTS[entry.serviceKey];
  return (
    <BigButton
      testId={`service-${entry.serviceKey}`}
      variant={entry.available ? 'primary' : 'secondary'}
      // Not available: smaller, below the available ones, still tappable to hear why.
      class={entry.available ? 'service-choice' : 'service-choice unavailable'}
      label={label}
      hint={
        entry.available ? (
          <span class="status ok">{ownHint ? t(ownHint) : t('kiosk.menu.available')}</span>
        ) : (
          <>
            <span class="status no">{t('kiosk.menu.unavailable')}</span>
            {entry.reasons.map((r) => (
              <span class="reason" key={r.code}>
                {localized(locale, r.text)}
              </span>
            ))}
          </>
        )
      }
      onTap={() => send({ type: 'service.select', serviceKey: entry.serviceKey })}
    />
  );
}

/**
 * The services this kiosk offers (every flow in the registry), each with whether it applies and,
 * if not, why — in the words the server's rules gave. The first page holds the common ones and a
 * button per group; a group page holds its services and the way back. Available ones come first.
 */
export function MenuScreen({
  identity,
  page,
  proxying,
}: {
  identity: IdentifyResponse;
  page: MenuPage;
  /** 代办: someone applies for the senior in `identity` (the page shows the banner). */
  proxying: boolean;
}) {
  const { t, send, ticketsOffered } = useKiosk();
  const greeting = t('kiosk.menu.greeting', { name: identity.person.nameMasked });
  useSpokenPrompt('menu', greeting);
  const view = menuView(identity, page);
  const home = page === 'home';
  // 进度查询 is always there: it does not count as a service the person could apply for.
  const noneAvailable =
    home && view.entries.every((e) => !e.available || e.serviceKey === ('progress' as string)) && view.groups.every((g) => g.available === 0);
  return (
    <Screen name="menu" heading={home ? greeting : t('kioskMenu.group.heading', { group: t(GROUP_NAMES[page]) })}>
      {home && <p class="lead">{t('kiosk.menu.heading')}</p>}
      {noneAvailable && <p class="notice">{t('kioskMenu.noneAvailable')}</p>}
      <div class="menu-entries" data-page={page}>
        {view.entries.map((entry) => (
          <ServiceButton key={entry.serviceKey} entry={entry} />
        ))}
      </div>
      {view.groups.length > 0 && (
        <div class="menu-row">
          {view.groups.map((group) => (
            <BigButton
              key={group.page}
              testId={`menu-group-${group.page}`}
              class="service-choice menu-group"
              label={t(GROUP_NAMES[group.page])}
              hint={<span class="status">{t('kioskMenu.group.count', { available: group.available, total: group.total })}</span>}
              onTap={() => send({ type: 'menu.page', page: group.page })}
            />
          ))}
        </div>
      )}
      {!home && (
        <BigButton variant="primary" testId="menu-back" label={t('kioskMenu.group.back')} onTap={() => send({ type: 'menu.page', page: 'home' })} />
      )}
      {home && (
        <div class="menu-row">
          {/* With the card read, the server detects priority (优先办) for the ticket. */}
          {ticketsOffered && (
            <BigButton
              testId="take-ticket"
              variant="secondary"
              class="service-choice"
              label={t('queueTicket.menu.take')}
              hint={<TakeTicketHint fallback="queueTicket.menu.takeHint" />}
              onTap={() => send({ type: 'ticket.start' })}
            />
          )}
          {proxying ? (
            <BigButton testId="proxy-end" class="service-choice" label={t('kioskMenu.proxy.end')} onTap={() => send({ type: 'proxy.end' })} />
          ) : (
            <BigButton
              testId="proxy-start"
              class="service-choice"
              label={t('kioskMenu.proxy.start')}
              hint={<span class="status">{t('kioskMenu.proxy.startHint')}</span>}
              onTap={() => send({ type: 'proxy.start' })}
            />
          )}
        </div>
      )}
      {home && <p>{t('kiosk.menu.otherServices')}</p>}
    </Screen>
  );
}

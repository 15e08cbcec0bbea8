import type { Locale, MessageKey, MessageParams } from '@eldercare/domain';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { KioskSessionEvent } from '@eldercare/state-machines';
import type { Speaker } from '../shared/speech/speaker';

/** What every kiosk component needs: the language, words, the way to send taps, the voice. */
export interface KioskContextValue {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  send: (event: KioskSessionEvent) => void;
  speaker: Speaker;
  /** This kiosk issues queue tickets (取号): it knows its centre. */
  ticketsOffered: boolean;
  /** Why the ticket printer cannot print now, said on the 取号 buttons; null when it can. */
  ticketPrinterNotice: MessageKey | null;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside <KioskContext.Provider>');
  return value;
}

import { findService, isMessageKey, localized, SERVICE_KEYS, type Locale, type MessageKey } from '@eldercare/domain';
import { explainStates, FORM_FLOW_SPECS, JOINT_QUESTIONS } from '@eldercare/state-machines';
import { CARD_SCREEN_SPOKEN_KEYS } from './screens/proxy/proxy-card-screens';
import { SPOKEN_PROMPTS } from './spoken-prompts';

/**
 * The sentences the kiosk's screens speak (use-spoken-sentence.ts, and the first flows' prompts
 * through use-spoken-prompt.ts), one recording per message key
 * and language (scripts/make-audio-clips.ts → public/audio/<locale>/keys/<key>.opus), played one
 * after another on kiosks whose browser has no Chinese voice. Only keys without parameters can be
 * recorded; names, dates and counts are read by a system voice only. A key a screen speaks that is
 * not listed here is not heard on such a kiosk, and the speaker says so in the console.
 * The catalogue's service names are recorded too (public/audio/<locale>/services/<serviceKey>.opus).
 */

/** The hand-drawn screens' sentences. */
const SCREEN_KEYS = [
  // 一件事一次办
  'kiosk.joint.choose.heading',
  'kiosk.joint.choose.body',
  'kiosk.joint.notice.heading',
  'kiosk.joint.phone.heading',
  'kiosk.joint.phone.body',
  'kiosk.joint.review.heading',
  'kiosk.joint.review.body',
  // form flows' review and the voucher's 领取
  'kioskServices.confirming.heading',
  'kioskServices.voucher.heading',
  'kioskServices.voucher.body',
  // 老年教育
  'education.loading.heading',
  'education.loadFailed.heading',
  'education.loadFailed.body',
  'education.mode.heading',
  'education.institution.heading',
  'education.course.heading',
  'education.subject.heading',
  'education.phone.heading',
  'education.phone.body',
  'education.confirm.heading',
  // 叫车
  'taxi.noCentre.heading',
  'taxi.noCentre.body',
  'taxi.destination.heading',
  'taxi.phone.heading',
  'taxi.phone.body',
  'taxi.confirm.heading',
  'taxi.confirm.body',
  // 进度查询
  'progress.heading',
  'progress.loading',
  'progress.loadFailed',
  'progress.notFound',
  'progress.empty',
  'progress.printing',
  'progress.printFailed',
  // 代办 (the card screens' words come from proxy-card-screens.ts)
  'kioskMenu.proxy.relationship.heading',
  'kioskMenu.proxy.consent.heading',
  // scans on the welcome screen
  'kioskMenu.scan.receiptNeedsCard.heading',
  'kioskMenu.scan.receiptNeedsCard.body',
  'kioskMenu.scan.queueTicket.body',
  'kioskMenu.scan.personalCode.heading',
  'kioskMenu.scan.personalCode.body',
  'kioskMenu.scan.rejected.heading',
  'kioskMenu.scan.rejected.body',
] as const satisfies readonly MessageKey[];

/** Each form step's heading and the line under it (kioskServices.<state>.heading / .body). */
function formFlowKeys(): MessageKey[] {
  const states = FORM_FLOW_SPECS.flatMap((spec) => [...spec.steps.map((step) => step.state), ...explainStates(spec.steps).map((e) => e.state)]);
  return states.flatMap((state) => [`kioskServices.${state}.heading`, `kioskServices.${state}.body`].filter(isMessageKey));
}

export const SPOKEN_KEYS: readonly MessageKey[] = [
  ...new Set<MessageKey>([...Object.values(SPOKEN_PROMPTS).flat(), ...SCREEN_KEYS, ...CARD_SCREEN_SPOKEN_KEYS, ...JOINT_QUESTIONS.map((q) => `kiosk.joint.q.${q}.heading` as MessageKey), ...formFlowKeys()]),
].sort();

/** The clip name of a key's recording (under /audio/<locale>/). */
export function keyClip(key: MessageKey): string {
  return `keys/${key}`;
}

/** The catalogue's service names, as a screen says them (the 一次告知 page of each service). */
export const SPOKEN_SERVICES: readonly string[] = SERVICE_KEYS;

export function spokenServiceName(locale: Locale, serviceKey: string): string {
  return localized(locale, findService(serviceKey).name);
}

/** The clip name of a service name's recording. */
export function serviceNameClip(serviceKey: string): string {
  return `services/${serviceKey}`;
}

import { sportsVoucherFlowSpec, type FormFlowMachine } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { FormFlowView, type ReviewText } from '../form-flow/form-flow-view';

/** 领取助老体育消费券: one screen, one tap (领取); the voucher number is on the receipt. */
const CLAIM: ReviewText = { heading: 'kioskServices.voucher.heading', body: 'kioskServices.voucher.body', confirm: 'kioskServices.voucher.claim' };

export function SportsVoucherFlowView({ flow }: { flow: ActorRefFrom<FormFlowMachine> }) {
  return <FormFlowView flow={flow} spec={sportsVoucherFlowSpec} review={CLAIM} />;
}

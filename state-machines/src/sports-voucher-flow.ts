import { formFlow, type FormFlowSpec } from './flow-steps/form-flow';

/**
 * 领取助老体育消费券: one screen (领取) and the voucher is issued at once; its number comes back
 * in the application's details and is printed on the receipt.
 */
export const sportsVoucherFlowSpec: FormFlowSpec = {
  id: 'sportsVoucherFlow',
  serviceKey: 'sports-voucher',
  steps: [],
  request: ({ identity }) => ({ serviceKey: 'sports-voucher', identifyToken: identity.identifyToken, answers: {} }),
};

export const sportsVoucherFlow = formFlow(sportsVoucherFlowSpec);

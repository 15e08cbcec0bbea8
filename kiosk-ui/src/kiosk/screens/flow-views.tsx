import type { RegisteredServiceKey } from '@eldercare/state-machines';
import type { ComponentType } from 'preact';
import type { AnyActorRef } from 'xstate';
import { AllowanceChannelFlowView } from './allowance-channel/allowance-channel-screens';
import { JointApplicationFlowView } from './joint-application/joint-application-screens';
import { SeniorCardFlowView } from './senior-card/senior-card-screens';

/**
 * The view of each service flow in the registry (state-machines/src/service-flows.ts). A view
 * gets the running flow's actor; it knows its own machine, so the cast is local to it.
 * Add one line per flow.
 */
type FlowView = ComponentType<{ flow: AnyActorRef }>;

export const FLOW_VIEWS: Record<RegisteredServiceKey, FlowView> = {
  'allowance-channel': AllowanceChannelFlowView as FlowView,
  'senior-card': SeniorCardFlowView as FlowView,
  'ltc-joint': JointApplicationFlowView as FlowView,
};

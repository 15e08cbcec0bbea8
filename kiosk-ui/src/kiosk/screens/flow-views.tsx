import type { RegisteredServiceKey } from '@eldercare/state-machines';
import type { ComponentType } from 'preact';
import type { AnyActorRef } from 'xstate';
import { AllowanceChannelFlowView } from './allowance-channel/allowance-channel-screens';
import { JointApplicationFlowView } from './joint-application/joint-application-screens';
import { SeniorCardFlowView } from './senior-card/senior-card-screens';
import { SeniorEducationFlowView } from './senior-education/senior-education-screens';
import { TaxiHailingFlowView } from './taxi-hailing/taxi-hailing-screens';
import { ProgressFlowView } from './progress/progress-screens';
import { HomeAdaptationFlowView } from './home-adaptation/home-adaptation-screens';
import { MealAssistanceFlowView } from './meal-assistance/meal-assistance-screens';
import { MealAssistanceChangeFlowView } from './meal-assistance-change/meal-assistance-change-screens';
import { AssistiveDeviceRentalFlowView } from './assistive-device-rental/assistive-device-rental-screens';
import { SportsVoucherFlowView } from './sports-voucher/sports-voucher-screens';
import { HomeVisitFlowView } from './home-visit/home-visit-screens';

/**
 * The view of each service flow in the registry (state-machines/src/service-flows.ts). A view
 * gets the running flow's actor; it knows its own machine, so the cast is local to it.
 * Add one line per flow.
 */
type FlowView = ComponentType<{ flow: AnyActorRef }>;

export const FLOW_VIEWS: Record<RegisteredServiceKey, FlowView> = {
  'allowance-channel': AllowanceChannelFlowView as FlowView,
  'senior-card': SeniorCardFlowView as FlowView,
  'senior-education': SeniorEducationFlowView as FlowView,
  'taxi-hailing': TaxiHailingFlowView as FlowView,
  progress: ProgressFlowView as FlowView,
  'ltc-joint': JointApplicationFlowView as FlowView,
  'home-adaptation': HomeAdaptationFlowView as FlowView,
  'meal-assistance': MealAssistanceFlowView as FlowView,
  'meal-assistance-change': MealAssistanceChangeFlowView as FlowView,
  'assistive-device-rental': AssistiveDeviceRentalFlowView as FlowView,
  'sports-voucher': SportsVoucherFlowView as FlowView,
  'home-visit': HomeVisitFlowView as FlowView,
};

import { mealAssistanceFlowSpec, type FormFlowMachine } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { FormFlowView } from '../form-flow/form-flow-view';

/** The steps of the meal-assistance flow, drawn by the shared form-flow screens. */
export function MealAssistanceFlowView({ flow }: { flow: ActorRefFrom<FormFlowMachine> }) {
  return <FormFlowView flow={flow} spec={mealAssistanceFlowSpec} />;
}

import { homeVisitFlowSpec, type FormFlowMachine } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { FormFlowView } from '../form-flow/form-flow-view';

/** The steps of the home-visit flow, drawn by the shared form-flow screens. */
export function HomeVisitFlowView({ flow }: { flow: ActorRefFrom<FormFlowMachine> }) {
  return <FormFlowView flow={flow} spec={homeVisitFlowSpec} />;
}

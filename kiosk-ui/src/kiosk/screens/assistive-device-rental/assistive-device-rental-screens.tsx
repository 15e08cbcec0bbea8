import { assistiveDeviceRentalFlowSpec, type FormFlowMachine } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { FormFlowView } from '../form-flow/form-flow-view';

/** The steps of the assistive-device-rental flow, drawn by the shared form-flow screens. */
export function AssistiveDeviceRentalFlowView({ flow }: { flow: ActorRefFrom<FormFlowMachine> }) {
  return <FormFlowView flow={flow} spec={assistiveDeviceRentalFlowSpec} />;
}

import type { IConstruct } from 'constructs';
import type { AppModel } from '../model/types.js';
import { AcknowledgementError } from './acknowledgement-error.js';
import { acknowledgementProblems } from './acknowledgement-rules.js';

/**
 * Call after building the app and before synth. cdk-nag runs in process after synth
 * (`collectFindings`), so nothing needs registering; this only rejects invalid config
 * acknowledgements before the slow part starts. `acknowledge()` calls were already checked
 * when they were made.
 *
 * @throws AcknowledgementError naming each invalid entry, what is wrong and the fix.
 */
export function prepareChecks(_app: IConstruct, model: AppModel): void {
  const problems = acknowledgementProblems(model.acknowledgements);
  if (problems.length > 0) throw new AcknowledgementError(problems);
}

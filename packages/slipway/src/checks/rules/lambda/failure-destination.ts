import type { CfnResource, CfnTemplate } from '../../../template/types.js';
import { referencedLogicalId, referencedResource, resourcesOfType } from '../support/references.js';
import { isRecord, property } from '../support/values.js';
import { type RuleResult, type SlipwayRule, violation } from '../types.js';

/**
 * What a function cannot process must land somewhere a person sees it, not vanish after the
 * retries: a stream source's on-failure destination, a queue source's dead-letter queue, or for a
 * function nothing in the template calls (so it is called asynchronously, if at all) an
 * on-failure destination or dead-letter queue of its own.
 */
export const lambdaFailureDestination: SlipwayRule = {
  id: 'Slipway-LAM1',
  level: 'error',
  nonProductionLevel: 'warning',
  description:
    'What a Lambda function fails to process must go to a failure destination or dead-letter queue.',
  check(resource, { template, logicalId }) {
    if (resource.Type === 'AWS::Lambda::EventSourceMapping') return checkSource(resource, template);
    if (resource.Type === 'AWS::Lambda::Function')
      return checkUncalledFunction(resource, logicalId, template);
    return 'not-applicable';
  },
};

function checkSource(mapping: CfnResource, template: CfnTemplate): RuleResult {
  const source = referencedResource(template, property(mapping, 'EventSourceArn'));
  if (source?.resource.Type === 'AWS::SQS::Queue') {
    // A queue keeps what fails and retries it; its redrive policy decides where it ends.
    return isRecord(property(source.resource, 'RedrivePolicy'))
      ? 'compliant'
      : violation(`its queue ${source.logicalId} has no RedrivePolicy (dead-letter queue)`);
  }
  const destination = property(mapping, 'DestinationConfig') as
    { OnFailure?: { Destination?: unknown } } | undefined;
  return destination?.OnFailure?.Destination !== undefined
    ? 'compliant'
    : violation('the stream source has no DestinationConfig.OnFailure: records it gives up on are lost');
}

function checkUncalledFunction(fn: CfnResource, logicalId: string, template: CfnTemplate): RuleResult {
  const calledBySource = resourcesOfType(template, 'AWS::Lambda::EventSourceMapping').some(
    ({ resource }) => referencedLogicalId(property(resource, 'FunctionName')) === logicalId,
  );
  if (calledBySource) return 'not-applicable';
  if (isRecord(property(fn, 'DeadLetterConfig'))) return 'compliant';
  const invokeConfigs = resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig').filter(
    ({ resource }) => referencedLogicalId(property(resource, 'FunctionName')) === logicalId,
  );
  const withDestination = invokeConfigs.some(({ resource }) => {
    const destination = property(resource, 'DestinationConfig') as
      { OnFailure?: { Destination?: unknown } } | undefined;
    return destination?.OnFailure?.Destination !== undefined;
  });
  return withDestination
    ? 'compliant'
    : violation(
        'nothing in the stack calls it and it has no on-failure destination or DeadLetterConfig for asynchronous calls',
      );
}

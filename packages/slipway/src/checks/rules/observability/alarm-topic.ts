import type { CfnTemplate } from '../../../template/types.js';
import { referencedLogicalId, resourcesOfType } from '../support/references.js';
import { property } from '../support/values.js';

/** The runtime layer publishes its alarm topic as `/<app>/<env>/runtime/alarm-topic-arn`. */
const ALARM_TOPIC_PARAMETER = /\/runtime\/alarm-topic-arn$/;

/**
 * Whether `logicalId` is the environment's alarm topic: the topic the template publishes under
 * the runtime layer's alarm-topic key, which every alarm of the environment notifies.
 */
export function isAlarmTopic(template: CfnTemplate, logicalId: string): boolean {
  return resourcesOfType(template, 'AWS::SSM::Parameter').some(({ resource }) => {
    const name = property(resource, 'Name');
    return (
      typeof name === 'string' &&
      ALARM_TOPIC_PARAMETER.test(name) &&
      referencedLogicalId(property(resource, 'Value')) === logicalId
    );
  });
}

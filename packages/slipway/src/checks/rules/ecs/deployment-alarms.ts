import type { CfnTemplate } from '../../../template/types.js';
import { referencedResource } from '../support/references.js';
import { asList, isRecord, isTrue, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { deploymentConfiguration, isEcsService, usesEcsController } from './service-deployment.js';

const ALARM_TYPES: ReadonlySet<string> = new Set([
  'AWS::CloudWatch::Alarm',
  'AWS::CloudWatch::CompositeAlarm',
]);

/** An alarm name is either `{Ref}` to an alarm (which yields its name) or a literal matching an alarm's AlarmName. */
function alarmExists(template: CfnTemplate, name: unknown): boolean {
  const referenced = referencedResource(template, name);
  if (referenced !== undefined) return ALARM_TYPES.has(referenced.resource.Type);
  return Object.values(template.Resources ?? {}).some(
    (resource) => ALARM_TYPES.has(resource.Type) && resource.Properties?.AlarmName === name,
  );
}

export const ecsDeploymentAlarms: SlipwayRule = {
  id: 'Slipway-ECS3',
  level: 'error',
  description:
    'A service must enable deployment alarms with rollback, naming alarms defined in its stack, so a release that raises errors or latency is undone.',
  check(resource, { template }) {
    if (!isEcsService(resource) || !usesEcsController(resource)) return 'not-applicable';
    const alarms = deploymentConfiguration(resource).Alarms;
    if (!isRecord(alarms) || !isTrue(alarms.Enable) || !isTrue(alarms.Rollback)) {
      return violation('DeploymentConfiguration.Alarms is not enabled with Rollback');
    }
    const names = asList(alarms.AlarmNames);
    if (names.length === 0) return violation('no alarm is named');
    const missing = names.filter((name) => !alarmExists(template, name));
    return missing.length === 0
      ? 'compliant'
      : violation(`alarm ${missing.map(show).join(', ')} is not defined in this stack`);
  },
};

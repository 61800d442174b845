import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledge } from '../../checks/acknowledge.js';
import { ecsDatadogMonitors } from '../../model/ecs-datadog-monitors.js';
import type { EnvironmentModel } from '../../model/types.js';

/**
 * What a deploy role needs, besides the CDK bootstrap roles, when its environment keeps Datadog
 * monitors on ECS (decision 025): `slipway deploy` looks Datadog's public monitor type up,
 * activates it once and sets its configuration, with the job's own credentials, since no template
 * can. Nothing for other environments.
 *
 * The three calls are named for what they touch by no resource in IAM's terms that a policy could
 * pin before the type is activated (its ARN in the account exists only afterwards, and the public
 * type's ARN carries no account), so the statement names `*` and a condition keeps it to the
 * environment's region.
 */
export function grantDatadogMonitorType(role: iam.Role, env: EnvironmentModel): void {
  if (ecsDatadogMonitors(env) === undefined) return;
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'ActivateDatadogMonitorType',
      actions: [
        'cloudformation:DescribeType',
        'cloudformation:ActivateType',
        'cloudformation:SetTypeConfiguration',
      ],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': env.region } },
    }),
  );
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    "DescribeType, ActivateType and SetTypeConfiguration on Datadog's monitor type: its account ARN exists only once " +
      `activated, so the statement names "*", limited to ${env.region} by aws:RequestedRegion.`,
  );
}

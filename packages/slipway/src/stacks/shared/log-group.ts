import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledge } from '../../checks/acknowledge.js';
import { pinLogicalId } from './logical-ids.js';
import { ModelError } from './model-error.js';

/** The retention periods CloudWatch Logs accepts, in days. */
const ALLOWED_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Turns a model day count into a retention CloudWatch accepts, or names the field and the choices. */
export function retentionDays(days: number, path: string): logs.RetentionDays {
  if (!ALLOWED_RETENTION_DAYS.includes(days)) {
    throw new ModelError(
      path,
      `${days} is not a retention CloudWatch Logs accepts`,
      `Use one of ${ALLOWED_RETENTION_DAYS.join(', ')}.`,
    );
  }
  return days as logs.RetentionDays;
}

/** The shortest retention AWS Control Tower's CT.CLOUDWATCH.PR.2 accepts, in days. */
export const CONTROL_TOWER_RETENTION_DAYS = 365;

export interface EnvironmentLogGroupProps {
  /** Days the events are kept; must be one CloudWatch accepts. */
  readonly retentionDays: number;
  /** Model path of the retention field, for the error message. */
  readonly retentionPath: string;
  /** Whether the group's environment is production: only elsewhere is a short retention a choice. */
  readonly production: boolean;
  /** The environment's name, for the reasons its choices are acknowledged with. */
  readonly environmentName: string;
  /** The environment's logs key; none when it uses AWS's keys (`encryption: 'aws-managed'`). */
  readonly encryptionKey: kms.IKey | undefined;
  /** Fixed name, for services that write to a name of their own (RDS). @default generated */
  readonly logGroupName?: string;
  /** Logical id to pin (log groups are listed in `stateful-resources.json`). */
  readonly logicalId: string;
  /** Delete the group with its stack: only for throwaway stacks (previews). @default false */
  readonly removeWithStack?: boolean;
}

/**
 * A log group that always has a retention (SECURITY.md 11) and outlives its stack, so an incident's
 * trail survives a teardown; its events still expire with the retention. A group with a fixed name
 * (RDS's) must be deleted by hand before a torn-down environment is created again.
 * Cost: $0.50 per GB ingested, $0.03 per GB-month stored.
 */
export function environmentLogGroup(
  scope: Construct,
  id: string,
  props: EnvironmentLogGroupProps,
): logs.LogGroup {
  const group = new logs.LogGroup(scope, id, {
    logGroupName: props.logGroupName,
    retention: retentionDays(props.retentionDays, props.retentionPath),
    encryptionKey: props.encryptionKey,
    removalPolicy: props.removeWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
  pinLogicalId(group, props.logicalId);
  if (!props.production && props.retentionDays < CONTROL_TOWER_RETENTION_DAYS) {
    acknowledge(
      group,
      'CT.CLOUDWATCH.PR.2',
      `Kept ${props.retentionDays} days (${props.retentionPath}) in an environment that is not production, ` +
        'where logs serve debugging rather than audit and storing a year of them is cost without a reader. ' +
        `Set ${props.retentionPath} to 365 or more to keep them longer.`,
    );
  }
  if (props.encryptionKey !== undefined && !definedIn(group, props.encryptionKey)) {
    // The rule accepts a key ARN written out or a key of the same template; it cannot follow the
    // SSM parameter that carries the environment's logs key from the network stack.
    acknowledge(
      group,
      'CT.CLOUDWATCH.PR.3',
      `Encrypted with ${props.environmentName}'s logs key, a customer-managed key created in its network ` +
        'stack and read here from an SSM parameter at deploy time; the control only recognizes a key ARN ' +
        'written into the template or a key created in the same stack.',
    );
  }
  if (props.encryptionKey === undefined) {
    acknowledge(
      group,
      'CT.CLOUDWATCH.PR.3',
      `${props.environmentName} uses AWS-managed encryption: CloudWatch Logs encrypts every log group at ` +
        'rest with keys of its own, at no charge. A customer-managed key adds $1 a month, a key policy ' +
        `that decides who may use it, and its own trail in CloudTrail; set environments.${props.environmentName}.encryption ` +
        "to 'customer-managed' to have one.",
    );
  }
  if (props.removeWithStack) {
    acknowledge(
      group,
      'Slipway-CFN1',
      "A preview's logs go with the preview: it is a throwaway copy of an environment, and its " +
        'events would otherwise outlive it with nobody to read them.',
    );
  }
  return group;
}

/** Whether the key is created in the same stack as the group, rather than imported into it. */
function definedIn(group: logs.LogGroup, key: kms.IKey): boolean {
  return key instanceof kms.Key && Stack.of(key) === Stack.of(group);
}

import { type CloudFormationClient, DescribeStackEventsCommand } from '@aws-sdk/client-cloudformation';
import type { PlannedStack } from './assembly.js';
import { withReadClients } from './connection.js';
import { describeStack } from './deployed-state.js';
import { NotBootstrappedError, StackFailedError } from './errors.js';
import type { Session } from './session.js';

/** Where a deploy or destroy stopped: what finished before, what was not attempted, how to repeat it. */
export interface FailurePoint {
  readonly completed: readonly string[];
  readonly notAttempted: readonly string[];
  /** Other stacks of the same parallel step that failed as well. @default none */
  readonly alsoFailed?: readonly string[];
  readonly retryCommand: string;
  readonly action: 'deploy' | 'destroy';
}

/**
 * Turns a toolkit error for one stack into Slipway's: the failed resources with CloudFormation's
 * reasons (from the stack events seen while it ran), the stack's final status, what stays as it was
 * and how to go on. A missing CDK bootstrap becomes its own error with the command that fixes it.
 */
export async function stackFailure(
  session: Session,
  stack: PlannedStack,
  error: unknown,
  where: FailurePoint,
): Promise<Error> {
  const text = error instanceof Error ? error.message : String(error);
  if (/cdk-bootstrap|been bootstrapped|BootstrapVersion/i.test(text)) {
    return new NotBootstrappedError(stack.account, stack.region, session.model.ci.account);
  }
  const resources = session.io.takeFailures(stack.name);
  const toolkitError = session.io.takeLastError();
  let status: string | undefined;
  let stackReason: string | undefined;
  try {
    [status, stackReason] = await withReadClients(
      session.connection,
      stack.account,
      stack.region,
      async ({ cloudFormation }) => [
        (await describeStack(cloudFormation, stack.name))?.StackStatus,
        // Without a failed resource to name, the stack's own rollback event says what failed.
        resources.length === 0 ? await rollbackReason(cloudFormation, stack.name) : undefined,
      ],
    );
  } catch {
    // The status only sharpens the advice; the failure itself is already known.
  }
  const detail = (stackReason ?? (text || toolkitError || 'the toolkit gave no reason'))
    .replace(/^❌\s*/, '')
    .split('\n')
    .slice(0, 3)
    .join(' ');
  return new StackFailedError({
    stack: stack.name,
    status,
    resources,
    detail,
    completed: where.completed,
    notAttempted: where.notAttempted,
    alsoFailed: where.alsoFailed ?? [],
    retryCommand: where.retryCommand,
    action: where.action,
  });
}

/**
 * The reason on the stack's latest rollback or failure event: "The following resource(s) failed to
 * update: …". CloudFormation also reports each failed resource, which the deploy already shows;
 * some failures (the emulator's, a parameter that does not resolve) are reported only here.
 */
async function rollbackReason(client: CloudFormationClient, stackName: string): Promise<string | undefined> {
  const events =
    (await client.send(new DescribeStackEventsCommand({ StackName: stackName }))).StackEvents ?? [];
  // Newest first, back to the start of the latest operation: an older failure's reason is not this one's.
  for (const event of events.filter((e) => e.LogicalResourceId === stackName)) {
    const status = event.ResourceStatus ?? '';
    if (/ROLLBACK_IN_PROGRESS$|_FAILED$/.test(status) && event.ResourceStatusReason)
      return event.ResourceStatusReason;
    if (/^(CREATE|UPDATE|DELETE)_IN_PROGRESS$/.test(status)) return undefined;
  }
  return undefined;
}

import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { PlannedStack } from './assembly.js';
import { withReadClients } from './connection.js';
import { LeftoverLogGroupError } from './errors.js';
import type { Session } from './session.js';

/**
 * Before a stack is created: the fixed-name log groups it would create (the database's, whose name
 * RDS dictates) must not exist yet. A destroyed environment keeps its log groups, so creating it
 * again would otherwise fail half way, on CloudFormation's "already exists", after the network was
 * built. Stacks that exist already own their groups and are not checked.
 */
export async function refuseLeftoverLogGroups(
  session: Session,
  stacks: readonly PlannedStack[],
): Promise<void> {
  for (const stack of stacks) {
    const names = Object.values(stack.template.Resources ?? {})
      .filter((r) => r.Type === 'AWS::Logs::LogGroup')
      .map((r) => (r.Properties as { LogGroupName?: unknown } | undefined)?.LogGroupName)
      .filter((name): name is string => typeof name === 'string');
    if (names.length === 0) continue;
    const found = await withReadClients(session.connection, stack.account, stack.region, async ({ logs }) => {
      const present: string[] = [];
      for (const name of names) {
        const answer = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
        if ((answer.logGroups ?? []).some((g) => g.logGroupName === name)) present.push(name);
      }
      return present;
    });
    if (found.length > 0) throw new LeftoverLogGroupError(stack.name, found);
  }
}

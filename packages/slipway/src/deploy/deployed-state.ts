import {
  type CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { GetParametersCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { parse as parseYaml } from 'yaml';
import type { CfnTemplate } from '../template/types.js';

/** A stack as it is deployed now. */
export interface DeployedStack {
  readonly name: string;
  /** e.g. `CREATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, `ROLLBACK_COMPLETE`. */
  readonly status: string;
  readonly template: CfnTemplate;
  readonly terminationProtection: boolean;
  readonly outputs: Readonly<Record<string, string>>;
  /** SSM-typed template parameters: key → the value CloudFormation resolved at the last deploy. */
  readonly resolvedParameters: Readonly<Record<string, string>>;
  /** Every template parameter: key → the value it was given at the last deploy (for SSM-typed ones, the name). */
  readonly parameterValues: Readonly<Record<string, string>>;
}

/**
 * Statuses of a stack that holds nothing deployed: a create that rolled back, a change set never
 * executed. The next deploy replaces such a stack, so it counts as absent.
 */
export const NOT_DEPLOYED: ReadonlySet<string> = new Set([
  'ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'REVIEW_IN_PROGRESS',
  'DELETE_COMPLETE',
]);

/** The deployed stack, or undefined when it does not exist (or holds nothing deployed). */
export async function readDeployedStack(
  client: CloudFormationClient,
  name: string,
): Promise<DeployedStack | undefined> {
  const stack = await describeStack(client, name);
  if (!stack || NOT_DEPLOYED.has(stack.StackStatus ?? '')) return undefined;
  const body = (await client.send(new GetTemplateCommand({ StackName: name, TemplateStage: 'Original' })))
    .TemplateBody;
  return {
    name,
    status: stack.StackStatus ?? 'UNKNOWN',
    template: parseTemplate(body ?? '{}'),
    terminationProtection: stack.EnableTerminationProtection ?? false,
    outputs: Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? ''])),
    resolvedParameters: Object.fromEntries(
      (stack.Parameters ?? [])
        .filter((p) => p.ResolvedValue !== undefined)
        .map((p) => [p.ParameterKey ?? '', p.ResolvedValue ?? '']),
    ),
    parameterValues: Object.fromEntries(
      (stack.Parameters ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']),
    ),
  };
}

/** The stack's description, or undefined when there is no such stack. */
export async function describeStack(client: CloudFormationClient, name: string): Promise<Stack | undefined> {
  try {
    return (await client.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  } catch (error) {
    if (/does not exist/.test((error as Error).message)) return undefined;
    throw error;
  }
}

/**
 * Template parameters whose SSM parameter holds another value now than when the stack was last
 * deployed: the next deploy changes whatever uses them, though the template text is the same.
 */
export async function driftedParameters(
  client: SSMClient,
  planned: CfnTemplate,
  deployed: DeployedStack | undefined,
): Promise<string[]> {
  if (!deployed) return [];
  const reads = Object.entries(planned.Parameters ?? {})
    .map(([key, p]) => ({ key, parameter: p as { Type?: string; Default?: unknown } }))
    .filter(
      ({ parameter }) =>
        parameter.Type?.startsWith('AWS::SSM::Parameter::Value') && typeof parameter.Default === 'string',
    )
    .map(({ key, parameter }) => ({ key, name: parameter.Default as string }))
    .filter(({ key }) => deployed.resolvedParameters[key] !== undefined);
  const current = await readParameters(
    client,
    reads.map((r) => r.name),
  );
  return reads
    .filter(({ key, name }) => current.has(name) && current.get(name) !== deployed.resolvedParameters[key])
    .map(({ key }) => key);
}

/** The values of the named SSM parameters that exist (GetParameters takes ten names at a time). */
export async function readParameters(
  client: SSMClient,
  names: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < names.length; i += 10) {
    const answer = await client.send(new GetParametersCommand({ Names: names.slice(i, i + 10) }));
    for (const p of answer.Parameters ?? []) found.set(p.Name ?? '', p.Value ?? '');
  }
  return found;
}

function parseTemplate(body: string): CfnTemplate {
  try {
    return JSON.parse(body) as CfnTemplate;
  } catch {
    return parseYaml(body) as CfnTemplate;
  }
}

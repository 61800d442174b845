import { ExitCode } from '../cli/exit-codes.js';
/**
 * Errors a deploy, diff or destroy ends with. Each message names what was wrong and the next step;
 * `exitCode` is what the CLI exits with: 1 a stateful change or protection refused the work,
 * 2 the command line or the machine's setup is wrong, 4 AWS (or the emulator) failed the work.
 */
export const DeployExitCode = {
  refused: ExitCode.findings,
  usage: ExitCode.usage,
  failed: ExitCode.deployFailed,
} as const;

export abstract class DeployError extends Error {
  abstract readonly exitCode: number;
}

/** An option or the machine's setup is wrong (missing `--env`, bad `--image-tag`, no credentials). */
export class DeployUsageError extends DeployError {
  override readonly name = 'DeployUsageError';
  readonly exitCode = DeployExitCode.usage;
}

/** No AWS credentials were found for `--target aws`. */
export class NoCredentialsError extends DeployError {
  override readonly name = 'NoCredentialsError';
  readonly exitCode = DeployExitCode.usage;

  constructor(detail: string) {
    super(
      `--target aws: no AWS credentials were found (${detail}). ` +
        'Fix: sign in the way your team does (`aws sso login --profile <p>` with AWS_PROFILE=<p>, or ' +
        'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or a CI role), or deploy to the local emulator with --target local.',
    );
  }
}

/** The target account and region have no CDK bootstrap stack, which CDK deploys need. */
export class NotBootstrappedError extends DeployError {
  override readonly name = 'NotBootstrappedError';
  readonly exitCode = DeployExitCode.usage;

  constructor(account: string, region: string, trustAccount: string) {
    super(
      `aws://${account}/${region} is not bootstrapped for CDK (no /cdk-bootstrap/hnb659fds/version parameter). ` +
        `Fix: once per account and region, run \`npx cdk bootstrap aws://${account}/${region}` +
        `${trustAccount !== account ? ` --trust ${trustAccount} --cloudformation-execution-policies <policy ARN>` : ''}\`, then deploy again.`,
    );
  }
}

/** A stack to create names a log group a destroyed environment left behind (log groups are kept). */
export class LeftoverLogGroupError extends DeployError {
  override readonly name = 'LeftoverLogGroupError';
  readonly exitCode = DeployExitCode.usage;

  constructor(
    readonly stackName: string,
    readonly logGroups: readonly string[],
  ) {
    super(
      `${stackName} would create ${logGroups.join(', ')}, which ${logGroups.length === 1 ? 'is' : 'are'} still there from an ` +
        'earlier copy of this environment: Slipway keeps log groups when an environment is destroyed, and these have ' +
        'fixed names. Nothing was deployed. Fix: export the events if you still need them, then ' +
        logGroups.map((g) => `\`aws logs delete-log-group --log-group-name ${g}\``).join(' and ') +
        ', and deploy again.',
    );
  }
}

/**
 * The CI stack would create GitHub's OIDC provider in an account that has one: IAM allows one
 * provider per issuer URL, so CloudFormation would fail with `EntityAlreadyExists`.
 */
export class OidcProviderExistsError extends DeployError {
  override readonly name = 'OidcProviderExistsError';
  readonly exitCode = DeployExitCode.usage;

  constructor(
    readonly stackName: string,
    readonly existingArn: string,
    /** The stack that made the provider, when its tags tell. */
    readonly owner: string | undefined,
    /** The value for `<github|gitlab>.existingOidcProviderArn`, in the config's own CI account. */
    readonly configArn: string,
    /** Whose provider: GitHub's unless the pipelines run on GitLab. */
    issuer: { readonly field: string; readonly label: string } = { field: 'github', label: 'GitHub' },
  ) {
    super(
      `${issuer.field}.existingOidcProviderArn: ${stackName} would create ${issuer.label}'s OIDC provider, but the account already has it ` +
        `(${existingArn}, ${owner ? `made by the ${owner} stack` : 'not made by a Slipway CI stack'}), and an account holds ` +
        `one per issuer URL. Nothing was deployed. Fix: reuse it; add this line under ${issuer.field} in slipway.config.ts and deploy again:\n` +
        `  existingOidcProviderArn: '${configArn}',\n` +
        (owner
          ? `The provider stays the ${owner} stack's: deleting that stack deletes it, and this app's deploy roles stop working until it is made again.`
          : "The provider stays where it was made: deleting it stops this app's deploy roles from working."),
    );
  }
}

/** `<github|gitlab>.existingOidcProviderArn` names a provider the CI account does not have. */
export class OidcProviderMissingError extends DeployError {
  override readonly name = 'OidcProviderMissingError';
  readonly exitCode = DeployExitCode.usage;

  constructor(
    readonly stackName: string,
    readonly configArn: string,
    /** Whose provider: GitHub's unless the pipelines run on GitLab. */
    issuer: { readonly field: string; readonly host: string } = {
      field: 'github',
      host: 'token.actions.githubusercontent.com',
    },
  ) {
    super(
      `${issuer.field}.existingOidcProviderArn: '${configArn}' names no OIDC provider in the CI account, so the deploy roles of ` +
        `${stackName} would trust a provider that is not there. Nothing was deployed. Fix: remove the line to let Slipway ` +
        `create the provider, or use the ARN \`aws iam list-open-id-connect-providers\` shows for ${issuer.host}.`,
    );
  }
}

/** A production deploy or destroy was not confirmed. */
export class ConfirmationRequiredError extends DeployError {
  override readonly name = 'ConfirmationRequiredError';
  readonly exitCode = DeployExitCode.usage;
}

/** The user said no at the confirmation prompt. */
export class DeclinedError extends DeployError {
  override readonly name = 'DeclinedError';
  readonly exitCode = DeployExitCode.refused;
}

/** A stack with termination protection was asked to go. */
export class TerminationProtectedError extends DeployError {
  override readonly name = 'TerminationProtectedError';
  readonly exitCode = DeployExitCode.refused;

  constructor(readonly stacks: readonly string[]) {
    super(
      `Refusing to destroy ${stacks.join(', ')}: ${stacks.length === 1 ? 'it has' : 'they have'} termination protection ` +
        '(production stacks and the CI stack hold data and delivery trust). Nothing was deleted. ' +
        'Fix: if the environment really must go, lift the protection yourself first ' +
        `(\`aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name ${stacks[0]}\`) and run destroy again.`,
    );
  }
}

/** One resource event that failed, as CloudFormation reported it. */
export interface FailedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly status: string;
  readonly reason: string;
}

/** What a failed stack left behind and how to go on. */
export interface StackFailure {
  readonly stack: string;
  /** Final stack status, e.g. `ROLLBACK_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, `DELETE_FAILED`. */
  readonly status?: string;
  readonly resources: readonly FailedResource[];
  /** The toolkit's own message, when no resource event said more. */
  readonly detail: string;
  /** Stacks this run finished before the failure; they stay as deployed. */
  readonly completed: readonly string[];
  /** Stacks after it that were not attempted. */
  readonly notAttempted: readonly string[];
  /** Stacks deployed or deleted beside it that failed too (their resources are in the progress lines). */
  readonly alsoFailed?: readonly string[];
  /** The command that repeats the run. */
  readonly retryCommand: string;
  readonly action: 'deploy' | 'destroy';
}

/** A stack failed; earlier stacks are untouched. The message says what failed, why and what next. */
export class StackFailedError extends DeployError {
  override readonly name = 'StackFailedError';
  readonly exitCode = DeployExitCode.failed;

  constructor(readonly failure: StackFailure) {
    super(describeFailure(failure));
  }
}

function describeFailure(f: StackFailure): string {
  const verb = f.action === 'deploy' ? 'deploy' : 'be destroyed';
  const lines = [`${f.stack} failed to ${verb}${f.status ? ` (${f.status})` : ''}.`];
  const causes = f.resources.filter((r) => !/cancelled/i.test(r.reason));
  for (const r of causes.length > 0 ? causes : f.resources) {
    lines.push(`  ${r.logicalId} (${r.type}) ${r.status}: ${r.reason}`);
  }
  if (f.resources.length === 0) lines.push(`  ${f.detail}`);
  if (f.completed.length > 0) {
    lines.push(`Stacks finished before it stay as they are: ${f.completed.join(', ')}.`);
  }
  if ((f.alsoFailed ?? []).length > 0) lines.push(`Also failed: ${f.alsoFailed?.join(', ')}.`);
  if (f.notAttempted.length > 0) lines.push(`Not attempted: ${f.notAttempted.join(', ')}.`);
  lines.push(nextStep(f));
  return lines.join('\n');
}

function nextStep(f: StackFailure): string {
  const status = f.status ?? '';
  if (f.action === 'destroy') {
    return `Next: fix what blocks the resource above (or delete it by hand), then run \`${f.retryCommand}\` again.`;
  }
  if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED') {
    return (
      `Next: the stack was never created and CloudFormation removed what it had made. Fix the cause above and run \`${f.retryCommand}\` again; ` +
      'the failed stack is deleted and created anew.'
    );
  }
  if (status === 'UPDATE_ROLLBACK_FAILED') {
    return (
      `Next: the rollback itself failed. Continue it (\`aws cloudformation continue-update-rollback --stack-name ${f.stack}\`, ` +
      `or the console), fix the cause above, then run \`${f.retryCommand}\` again.`
    );
  }
  return (
    `Next: CloudFormation rolled ${f.stack} back to its previous version. Fix the cause above and run \`${f.retryCommand}\` again. ` +
    'To roll back the stacks finished before it as well, deploy the previous config (check out the last release and deploy it).'
  );
}

/** A change would replace or remove a stateful resource and no `--allow-replace` names it. */
export class StatefulChangeRefusedError extends DeployError {
  override readonly name = 'StatefulChangeRefusedError';
  readonly exitCode = DeployExitCode.refused;
}

/**
 * A Cloud Map service would be removed, replaced or given other record types while its private
 * name is still called (or its service kept), and no `--allow-replace` names it (decision 029).
 */
export class PrivateNameRefusedError extends DeployError {
  override readonly name = 'PrivateNameRefusedError';
  readonly exitCode = DeployExitCode.refused;
}

/**
 * The environment's templates have error findings nobody acknowledged: the same ones `slipway plan`
 * fails on. A deploy is where money is spent and data is placed, so it stops here too.
 */
export class OpenFindingsError extends DeployError {
  override readonly name = 'OpenFindingsError';
  readonly exitCode = DeployExitCode.refused;

  constructor(
    readonly findings: readonly { rule: string; stack: string; resource: string; message: string }[],
    command: string,
  ) {
    super(
      `${findings.length} error finding${findings.length === 1 ? '' : 's'} of the security checks ` +
        `${findings.length === 1 ? 'is' : 'are'} not acknowledged, so nothing was deployed:\n` +
        findings.map((f) => `  ${f.rule}  ${f.stack}/${f.resource}  ${f.message}`).join('\n') +
        '\nFix: change the config so the finding goes away, or acknowledge it with a reason under acknowledgements ' +
        `in slipway.config.ts (\`slipway check\` shows each one in full); then run \`${command}\` again.`,
    );
  }
}

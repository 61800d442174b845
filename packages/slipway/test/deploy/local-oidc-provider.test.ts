import path from 'node:path';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, IAMClient, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { type DeployEvent, deployEnvironment } from '../../src/deploy/index.js';
import { githubOf } from '../../src/model/ci-host.js';
import type { AppModel } from '../../src/model/types.js';
import { OidcProviderMissingError } from '../../src/deploy/errors.js';
import { useEmulator } from '../local-cloud/emulator.js';

const examples = path.resolve(import.meta.dirname, '../../../../examples');
const configOf = (name: string) => path.join(examples, name, 'slipway.config.ts');

/** An account holds one GitHub OIDC provider; two apps in one account share it. */
describe("two apps in one account and GitHub's OIDC provider", () => {
  const emulator = useEmulator();
  let medications: AppModel;
  let megadolls: AppModel;

  beforeAll(async () => {
    [medications, megadolls] = await Promise.all([
      loadConfig(configOf('medications')),
      loadConfig(configOf('megadolls')),
    ]);
  });

  const providers = async () =>
    (await new IAMClient(emulator.config()).send(new ListOpenIDConnectProvidersCommand({})))
      .OpenIDConnectProviderList ?? [];

  it('stops the second app before its CI stack with the config line that reuses the provider, which then deploys', async () => {
    await deployEnvironment(medications, 'dev', emulator.target());
    expect(await providers()).toHaveLength(1);

    const refused = await emulator.cli('deploy', configOf('megadolls'), 'dev');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('github.existingOidcProviderArn');
    expect(refused.stderr).toContain('medications-ci');
    // The line names the provider in megadolls' own CI account, as its config writes accounts.
    const line =
      "existingOidcProviderArn: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'";
    expect(refused.stderr).toContain(line);
    const cfn = new CloudFormationClient(emulator.config());
    await expect(cfn.send(new DescribeStacksCommand({ StackName: 'megadolls-ci' }))).rejects.toThrow(
      /does not exist/,
    );

    const arn = /existingOidcProviderArn: '([^']+)'/.exec(refused.stderr)?.[1] ?? '';
    const reusing = { ...megadolls, github: { ...githubOf(megadolls), existingOidcProviderArn: arn } };
    const events: DeployEvent[] = [];
    const result = await deployEnvironment(reusing, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
      onEvent: (e) => events.push(e),
    });
    expect(result.stacks.map((s) => [s.name, s.action])).toContainEqual(['megadolls-ci', 'created']);
    // Which stack owns the shared provider is said, since deleting that stack deletes it.
    expect(events).toContainEqual({
      kind: 'note',
      message:
        "megadolls-ci trusts GitHub's OIDC provider of the medications-ci stack (github.existingOidcProviderArn); deleting that stack deletes the provider",
    });

    const [provider] = await providers();
    expect(await providers()).toHaveLength(1);
    const template = JSON.parse(
      (await cfn.send(new GetTemplateCommand({ StackName: 'megadolls-ci' }))).TemplateBody ?? '{}',
    ) as { Resources: Record<string, { Type: string }> };
    expect(Object.values(template.Resources).map((r) => r.Type)).not.toContain('AWS::IAM::OIDCProvider');
    const role = await new IAMClient(emulator.config()).send(
      new GetRoleCommand({ RoleName: 'megadolls-dev-github-deploy' }),
    );
    expect(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')).toContain(provider?.Arn);
  });

  it('stops before the CI stack when github.existingOidcProviderArn names a provider the account does not have', async () => {
    const arn = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';
    const reusing = { ...megadolls, github: { ...githubOf(megadolls), existingOidcProviderArn: arn } };
    const attempt = deployEnvironment(reusing, 'dev', emulator.target());
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcProviderMissingError);
    expect((error as Error).message).toContain(
      `github.existingOidcProviderArn: '${arn}' names no OIDC provider`,
    );
    await expect(
      new CloudFormationClient(emulator.config()).send(
        new DescribeStacksCommand({ StackName: 'megadolls-ci' }),
      ),
    ).rejects.toThrow(/does not exist/);
  });
});

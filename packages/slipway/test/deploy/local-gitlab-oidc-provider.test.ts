import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, IAMClient, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { type DeployEvent, deployEnvironment } from '../../src/deploy/index.js';
import { OidcProviderExistsError } from '../../src/deploy/errors.js';
import type { AppModel } from '../../src/model/types.js';
import { useEmulator } from '../local-cloud/emulator.js';

const examples = path.resolve(import.meta.dirname, '../../../../examples');
const configOf = (name: string) => path.join(examples, name, 'slipway.config.ts');

/** The example's model as if its pipelines ran on GitLab, in project `acme/<app>`. */
function onGitlab(model: AppModel): AppModel {
  const { github: _github, delivery, ...rest } = model;
  if (delivery === undefined) throw new Error('the example has no delivery settings');
  const { preview: _preview, ...withoutPreview } = delivery;
  return {
    ...rest,
    gitlab: {
      project: `acme/${model.app}`,
      host: 'gitlab.com',
      mainBranch: 'main',
      productionBranch: 'production',
    },
    delivery: { ...withoutPreview, ci: 'gitlab' },
  };
}

/** An account holds one OIDC provider per issuer URL: GitLab's too, as decision 011 says for GitHub's. */
describe("two GitLab apps in one account and gitlab.com's OIDC provider", () => {
  const emulator = useEmulator();
  let medications: AppModel;
  let megadolls: AppModel;

  beforeAll(async () => {
    const [a, b] = await Promise.all([
      loadConfig(configOf('medications')),
      loadConfig(configOf('megadolls')),
    ]);
    medications = onGitlab(a);
    megadolls = onGitlab(b);
  });

  const providers = async () =>
    (await new IAMClient(emulator.config()).send(new ListOpenIDConnectProvidersCommand({})))
      .OpenIDConnectProviderList ?? [];

  it('stops the second app with the gitlab line that reuses the provider, which then deploys', async () => {
    await deployEnvironment(medications, 'dev', emulator.target());
    expect((await providers()).map((p) => p.Arn)).toEqual([
      expect.stringMatching(/:oidc-provider\/gitlab\.com$/),
    ]);

    const refused = await deployEnvironment(megadolls, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OidcProviderExistsError);
    const message = (refused as Error).message;
    expect(message).toMatch(
      /^gitlab\.existingOidcProviderArn: megadolls-ci would create GitLab's OIDC provider/,
    );
    expect(message).toContain('add this line under gitlab');
    expect(message).toContain(
      "existingOidcProviderArn: 'arn:aws:iam::111111111111:oidc-provider/gitlab.com'",
    );
    const cfn = new CloudFormationClient(emulator.config());
    await expect(cfn.send(new DescribeStacksCommand({ StackName: 'megadolls-ci' }))).rejects.toThrow(
      /does not exist/,
    );

    const arn = /existingOidcProviderArn: '([^']+)'/.exec(message)?.[1] ?? '';
    const gitlab = megadolls.gitlab!;
    const reusing: AppModel = { ...megadolls, gitlab: { ...gitlab, existingOidcProviderArn: arn } };
    const events: DeployEvent[] = [];
    const result = await deployEnvironment(reusing, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
      onEvent: (e) => events.push(e),
    });
    expect(result.stacks.map((s) => [s.name, s.action])).toContainEqual(['megadolls-ci', 'created']);
    expect(events).toContainEqual({
      kind: 'note',
      message:
        "megadolls-ci trusts GitLab's OIDC provider of the medications-ci stack (gitlab.existingOidcProviderArn); deleting that stack deletes the provider",
    });
    const role = await new IAMClient(emulator.config()).send(
      new GetRoleCommand({ RoleName: 'megadolls-dev-gitlab-deploy' }),
    );
    expect(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')).toContain(
      'project_path:acme/megadolls:ref_type:branch:ref:main',
    );
  });
});

import { GetRoleCommand, IAMClient, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { deployEnvironment } from '../../src/deploy/index.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { gitlabPreviewConfig } from '../workflows/gitlab-fixtures.js';

/** The CI stack of a GitLab app with previews deploys, its preview roles with their prefix trust. */
describe('GitLab preview roles on the emulator', () => {
  const emulator = useEmulator();

  it('creates the preview push and deploy roles, tagged, trusting the preview branch prefixes', async () => {
    const model = resolveConfig(gitlabPreviewConfig());
    const result = await deployEnvironment(model, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
      only: 'infrastructure',
      provision: false,
    });
    expect(result.stacks.map((s) => [s.name, s.action])).toContainEqual(['shop-ci', 'created']);
    expect(result.stacks.find((s) => s.name === 'shop-ci')?.outputs).toMatchObject({
      PreviewPushRoleArn: expect.stringMatching(/:role\/shop-gitlab-preview-push$/),
      PreviewDeployRoleArn: expect.stringMatching(/:role\/shop-gitlab-preview-deploy$/),
    });
    const iam = new IAMClient(emulator.config());
    const trust = async (name: string) =>
      JSON.parse(
        decodeURIComponent(
          (await iam.send(new GetRoleCommand({ RoleName: name }))).Role?.AssumeRolePolicyDocument ?? '',
        ),
      ) as { Statement: { Condition: Record<string, Record<string, unknown>> }[] };
    const deploy = await trust('shop-gitlab-preview-deploy');
    expect(deploy.Statement.map((s) => s.Condition)).toEqual([
      {
        StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' },
        StringLike: {
          'gitlab.com:sub': [
            'project_path:acme/orders:ref_type:branch:ref:feat/*',
            'project_path:acme/orders:ref_type:branch:ref:fix/*',
          ],
        },
      },
      {
        StringEquals: {
          'gitlab.com:aud': 'https://gitlab.com',
          'gitlab.com:sub': 'project_path:acme/orders:ref_type:branch:ref:main',
        },
      },
    ]);
    const dev = await trust('shop-dev-gitlab-deploy');
    expect(JSON.stringify(dev)).not.toContain('StringLike');
    for (const name of ['shop-gitlab-preview-push', 'shop-gitlab-preview-deploy']) {
      const tags = (await iam.send(new ListRoleTagsCommand({ RoleName: name }))).Tags ?? [];
      expect(tags).toContainEqual({ Key: 'slipway:ci-role', Value: 'preview' });
    }
  });
});

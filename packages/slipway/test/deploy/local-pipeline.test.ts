import path from 'node:path';
import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { KMSClient, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { deployEnvironment } from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { useEmulator } from '../local-cloud/emulator.js';

const CONFIG = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');

/** medications with CodePipeline delivery: CI and dev in one account, prod in another. */
async function codepipelineModel(): Promise<AppModel> {
  const model = await loadConfig(CONFIG);
  return { ...model, delivery: { ...model.delivery!, pipeline: 'codepipeline' } };
}

describe('CodePipeline delivery on the local emulator', () => {
  const emulator = useEmulator();

  it('creates the pipeline stack with production in another account: pipelines, build project and a tagged artifact key', async () => {
    const model = await codepipelineModel();
    expect(model.environments.find((e) => e.name === 'prod')?.account).not.toBe(model.ci.account);

    const result = await deployEnvironment(model, 'dev', emulator.target());
    expect(result.stacks.map((s) => [s.name, s.action])).toContainEqual(['medications-pipeline', 'created']);

    const cfn = new CloudFormationClient(emulator.config());
    const resources =
      (await cfn.send(new ListStackResourcesCommand({ StackName: 'medications-pipeline' })))
        .StackResourceSummaries ?? [];
    const physicalIds = (type: string) =>
      resources.filter((r) => r.ResourceType === type).map((r) => r.PhysicalResourceId);
    expect(physicalIds('AWS::CodePipeline::Pipeline').sort()).toEqual([
      'medications-dev-api',
      'medications-prod-api',
    ]);
    expect(physicalIds('AWS::CodeBuild::Project')).toEqual(['medications-image-definitions']);

    const [keyId] = physicalIds('AWS::KMS::Key');
    const tags = await new KMSClient(emulator.config()).send(new ListResourceTagsCommand({ KeyId: keyId }));
    expect(tags.Tags).toContainEqual({ TagKey: 'slipway:app', TagValue: 'medications' });
  });
});

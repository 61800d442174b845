import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ADOT_COLLECTOR_IMAGE, telemetryImageRef } from '../../src/config/data/telemetry-images.js';
import { deployEnvironment } from '../../src/deploy/index.js';
import { clusterName } from '../../src/stacks/shared/resource-names.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { useConfigFile } from '../support/config-file.js';

/**
 * One internal service with traces on: dev on CloudWatch (the ADOT collector), qa on Datadog (the
 * agent and the FireLens log router, the key from a secret the data stack makes).
 */
const CONFIG = `export default {
  app: 'traced',
  github: { repository: 'acme/traced' },
  secrets: { 'datadog-api-key': { secretsManager: 'traced/datadog-api-key' } },
  services: { api: { port: 8080, public: false, cpu: 256, memory: 1024 } },
  observability: { tracing: true },
  environments: {
    dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
    qa: {
      account: '111111111111',
      region: 'us-west-2',
      availabilityZones: ['us-west-2a', 'us-west-2b'],
      observability: { provider: 'datadog', datadog: { apiKeySecret: 'datadog-api-key', site: 'datadoghq.eu' } },
    },
  },
};
`;

describe('a traced service on the local emulator', () => {
  const emulator = useEmulator();
  const file = useConfigFile(CONFIG, 'slipway-traced-');

  it('deploys with the collector beside the app, the app pointed at it, and the role allowed to write traces', async () => {
    const deployed = await deployEnvironment(file.model, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
    });
    const stack = deployed.stacks.find((s) => s.name === 'traced-dev-api');
    expect(stack?.outputs['ServiceName']).toBeDefined();

    const ecs = new ECSClient(emulator.config());
    const services = await ecs.send(
      new DescribeServicesCommand({
        cluster: clusterName('traced', 'dev'),
        services: [String(stack?.outputs['ServiceName'])],
      }),
    );
    const taskDefinitionArn = services.services?.[0]?.taskDefinition;
    expect(taskDefinitionArn).toBeDefined();
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }),
    );
    const byName = new Map((taskDefinition?.containerDefinitions ?? []).map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(['api', 'otel-collector']);
    const collector = byName.get('otel-collector')!;
    expect(collector.image).toBe(telemetryImageRef(ADOT_COLLECTOR_IMAGE));
    expect(collector.essential).toBe(false);
    const app = byName.get('api')!;
    expect(app.dependsOn).toEqual([{ containerName: 'otel-collector', condition: 'START' }]);
    expect(app.environment).toEqual(
      expect.arrayContaining([{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://localhost:4318' }]),
    );

    const iam = new IAMClient(emulator.config());
    const roleName = taskDefinition?.taskRoleArn?.split('/').pop();
    const policies = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
    const documents = await Promise.all(
      (policies.PolicyNames ?? []).map(async (name) =>
        decodeURIComponent(
          (await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })))
            .PolicyDocument ?? '',
        ),
      ),
    );
    expect(documents.join('\n')).toContain('xray:PutTraceSegments');
  });

  it("deploys Datadog's agent and log router, the app's logs routed to the EU intake with the key as a secret", async () => {
    const deployed = await deployEnvironment(file.model, 'qa', {
      target: 'local',
      stateDir: emulator.stateDir,
    });
    const stack = deployed.stacks.find((s) => s.name === 'traced-qa-api');
    const ecs = new ECSClient({ ...emulator.config(), region: 'us-west-2' });
    const services = await ecs.send(
      new DescribeServicesCommand({
        cluster: clusterName('traced', 'qa'),
        services: [String(stack?.outputs['ServiceName'])],
      }),
    );
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: services.services?.[0]?.taskDefinition }),
    );
    const byName = new Map((taskDefinition?.containerDefinitions ?? []).map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(['api', 'datadog-agent', 'log-router']);
    const app = byName.get('api')!;
    expect(app.logConfiguration?.logDriver).toBe('awsfirelens');
    // The emulator camel-cases the option names it reads from the template ('Host' → 'host').
    const options = Object.fromEntries(
      Object.entries(app.logConfiguration?.options ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(options).toMatchObject({ name: 'datadog', host: 'http-intake.logs.datadoghq.eu', tls: 'on' });
    expect(app.logConfiguration?.secretOptions?.map((o) => o.name)).toEqual(['apikey']);
    expect(app.dockerLabels?.['com.datadoghq.tags.env']).toBe('qa');
    expect(byName.get('datadog-agent')?.secrets?.map((s) => s.name)).toEqual(['DD_API_KEY']);
    expect(byName.get('log-router')?.firelensConfiguration?.type).toBe('fluentbit');
  });
});

import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { PLACEHOLDER_PAGERDUTY_URL } from '../../src/deploy/local-alert-secrets.js';
import { ALERTS_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import { defaultObservability } from '../../src/model/observability.js';
import type { AppModel } from '../../src/model/types.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The floor app's one environment as production, its alarms routed every way there is. */
function routedProduction(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      production: true,
      // Production runs two tasks at least (a model rule, checked when the service stack is built).
      services: env.services.map((service) => ({
        ...service,
        desiredCount: 2,
        minCount: 2,
        maxCount: Math.max(2, service.maxCount),
      })),
      observability: {
        ...defaultObservability(true),
        alerts: {
          emails: ['oncall@floor.example.com'],
          slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' },
          pagerduty: { integrationUrlSecret: 'floor/pagerduty-url' },
        },
      },
    })),
  };
}

/** SNS's subscriptions as the emulator lists them (no SNS client is a dependency; the query API is plain form posts). */
async function subscriptions(endpoint: string): Promise<{ protocol: string; endpoint: string }[]> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization:
        'AWS4-HMAC-SHA256 Credential=slipway-local/20250101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: 'Action=ListSubscriptions&Version=2010-03-31',
  });
  const xml = await response.text();
  return [...xml.matchAll(/<member>([\s\S]*?)<\/member>/g)].map(([, member]) => ({
    protocol: /<Protocol>(.*?)<\/Protocol>/.exec(member!)?.[1] ?? '',
    endpoint: /<Endpoint>(.*?)<\/Endpoint>/.exec(member!)?.[1] ?? '',
  }));
}

describe('alarm routes of a production environment on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys email, Slack and PagerDuty (from a placeholder secret), says what is not sent, and its layers diff to nothing', async () => {
    const model = routedProduction();
    const notes: string[] = [];
    const options = {
      target: 'local' as const,
      stateDir: emulator.stateDir,
      yes: true,
      only: 'infrastructure' as const,
      provision: false,
      // The floor app is a dev app marked production, so it has production findings of its own;
      // the checks of the routes are the stack tests' (alarm-routes.test.ts).
      checked: true,
      onEvent: (event: { kind: string; message?: string }) => {
        if (event.kind === 'note' && event.message) notes.push(event.message);
      },
    };
    const deployed = await deployEnvironment(model, 'dev', options);
    expect(deployed.stacks.map((s) => s.name)).toContain('floor-dev-runtime');
    expect(deployed.emulatorLimits).toContain(ALERTS_EMULATOR_LIMIT);
    expect(notes.some((note) => note.includes('floor/pagerduty-url'))).toBe(true);

    const cloudformation = new CloudFormationClient(emulator.config('us-east-1'));
    const resources = await cloudformation.send(
      new DescribeStackResourcesCommand({ StackName: 'floor-dev-runtime' }),
    );
    const made = (resources.StackResources ?? []).map((r) => `${r.ResourceType} ${r.ResourceStatus}`);
    expect(made).toEqual(
      expect.arrayContaining([
        'AWS::Chatbot::SlackChannelConfiguration CREATE_COMPLETE',
        'AWS::SNS::Subscription CREATE_COMPLETE',
      ]),
    );
    const chat = resources.StackResources?.find(
      (r) => r.ResourceType === 'AWS::Chatbot::SlackChannelConfiguration',
    );
    expect(chat?.PhysicalResourceId).toMatch(
      /^arn:aws:chatbot::\d{12}:chat-configuration\/slack-channel\/floor-dev-alarms$/,
    );

    // The dynamic reference was read from the secret; the template never held the URL.
    const listed = await subscriptions(emulator.endpoint);
    expect(listed).toEqual(
      expect.arrayContaining([
        { protocol: 'email', endpoint: 'oncall@floor.example.com' },
        { protocol: 'https', endpoint: PLACEHOLDER_PAGERDUTY_URL },
      ]),
    );

    notes.length = 0;
    const again = await deployEnvironment(model, 'dev', options);
    expect(again.stacks.find((s) => s.name === 'floor-dev-runtime')?.action).toBe('unchanged');
    expect(notes.some((note) => note.includes('floor/pagerduty-url'))).toBe(false);
    const unchanged = await diffEnvironment(model, 'dev', emulator.target());
    const layers = new Set(deployed.stacks.map((s) => s.name));
    expect(unchanged.stacks.filter((s) => layers.has(s.name)).flatMap((s) => s.changes)).toEqual([]);
  });
});

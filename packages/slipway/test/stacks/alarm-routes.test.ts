import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings } from '../../src/checks/collect-findings.js';
import type { Finding } from '../../src/checks/finding.js';
import { type AlertRoutesModel, defaultObservability } from '../../src/model/observability.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import { build } from './eks-cluster-fixture.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

/** Every route at once: two addresses, a Slack channel and PagerDuty's URL in a secret. */
const ALL_ROUTES: AlertRoutesModel = {
  emails: ['oncall@megadolls.example.com', 'owner@megadolls.example.com'],
  slack: { workspaceId: 'T0123ABCD', channelId: 'C0123ABCD' },
  pagerduty: { integrationUrlSecret: 'megadolls/pagerduty-url' },
};

function routed(env: EnvironmentModel, alerts: AlertRoutesModel): EnvironmentModel {
  return { ...env, observability: { ...defaultObservability(env.production), alerts } };
}

function modelWith(alerts: AlertRoutesModel): AppModel {
  const base = megadollsLikeModel();
  return {
    ...base,
    checks: { controlTower: true },
    environments: base.environments.map((e) => (e.production ? routed(e, alerts) : e)),
  };
}

describe('alarm routes on the ECS runtime stack', () => {
  let fx: FixtureApp;
  let findings: Finding[];
  beforeAll(() => {
    const model = modelWith(ALL_ROUTES);
    fx = fixtureApp(model);
    const stacks = fx.synthesized.filter((s) => s.name === 'megadolls-prod-runtime');
    findings = collectFindings({ app: fx.built.app, stacks, model, allEnvironments: false });
  });
  afterAll(() => fx.dispose());

  it('subscribes each address by email to the alarm topic', () => {
    const t = fx.template('megadolls-prod-runtime');
    for (const address of ALL_ROUTES.emails) {
      t.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: address,
        TopicArn: { Ref: Match.stringLikeRegexp('^AlarmTopic') },
      });
    }
  });

  it("subscribes PagerDuty's URL through a dynamic reference, so the template holds no key", () => {
    const t = fx.template('megadolls-prod-runtime');
    t.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'https',
      Endpoint: '{{resolve:secretsmanager:megadolls/pagerduty-url:SecretString}}',
      TopicArn: { Ref: Match.stringLikeRegexp('^AlarmTopic') },
    });
    const text = JSON.stringify(t.toJSON());
    expect(text).not.toMatch(/events\.pagerduty\.com|integration\/[A-Za-z0-9]+\/enqueue/);
  });

  it('posts to the Slack channel with a read-only role and the same policy as guardrail', () => {
    const t = fx.template('megadolls-prod-runtime');
    t.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      ConfigurationName: 'megadolls-prod-alarms',
      SlackWorkspaceId: 'T0123ABCD',
      SlackChannelId: 'C0123ABCD',
      SnsTopicArns: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
      GuardrailPolicies: [{ Ref: Match.stringLikeRegexp('^AlarmSlackChannelReadOnly') }],
      IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmSlackChannelRole'), 'Arn'] },
      UserRoleRequired: false,
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'chatbot.amazonaws.com' } })],
      },
      ManagedPolicyArns: [{ Ref: Match.stringLikeRegexp('^AlarmSlackChannelReadOnly') }],
    });
    const policies = Object.values(t.findResources('AWS::IAM::ManagedPolicy'));
    expect(policies).toHaveLength(1);
    const actions = policies[0]!.Properties.PolicyDocument.Statement.flatMap(
      (s: { Action: string | string[] }) => [s.Action].flat(),
    );
    expect(actions.every((action: string) => action.startsWith('cloudwatch:'))).toBe(true);
    expect(actions.some((action: string) => /Put|Set|Delete|Disable|Enable/.test(action))).toBe(false);
  });

  it('keeps the topic and its published ARN under their logical ids', () => {
    const t = fx.template('megadolls-prod-runtime');
    expect(Object.keys(t.findResources('AWS::SNS::Topic'))).toEqual([
      expect.stringMatching(/^AlarmTopic[0-9A-F]{8}$/),
    ]);
    t.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/megadolls/prod/runtime/alarm-topic-arn',
      Value: { Ref: Match.stringLikeRegexp('^AlarmTopic') },
    });
  });

  it(
    'passes cfn-lint',
    () => {
      const runtime = fx.synthesized.find((s) => s.name === 'megadolls-prod-runtime')!;
      const lint = lintTemplates([runtime.templatePath], { regions: [runtime.region!] });
      expect(lint.errors).toEqual([]);
    },
    LINT_ALL_TIMEOUT_MS,
  );

  it('leaves no open finding of any level on the routes; the read-only policy is acknowledged per action', () => {
    const acknowledged = findings.filter((f) => f.acknowledged && f.rule.startsWith('AwsSolutions-IAM5'));
    expect(acknowledged.map((f) => f.rule).sort()).toEqual([
      'AwsSolutions-IAM5[Action::cloudwatch:Describe*]',
      'AwsSolutions-IAM5[Action::cloudwatch:Get*]',
      'AwsSolutions-IAM5[Action::cloudwatch:List*]',
      'AwsSolutions-IAM5[Resource::*]',
    ]);
    const open = findings.filter((f) => !f.acknowledged);
    expect(open.map((f) => `${f.rule} ${f.resource ?? ''}: ${f.message}`)).toEqual([]);
  });
});

describe('alarm routes on the EKS cluster stack', () => {
  it(
    'makes the same topic with the same routes, published under the runtime key',
    () => {
      const built = build('prod', 'customer-managed', { environment: (env) => routed(env, ALL_ROUTES) });
      const resources = Object.entries(built.template.Resources ?? {});
      const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
      expect(ofType('AWS::SNS::Topic').map(([, r]) => r.Properties?.TopicName)).toEqual([
        'megadolls-prod-alarms',
      ]);
      expect(
        ofType('AWS::SNS::Subscription')
          .map(([, r]) => r.Properties?.Protocol)
          .sort(),
      ).toEqual(['email', 'email', 'https']);
      expect(ofType('AWS::Chatbot::SlackChannelConfiguration')).toHaveLength(1);
      const published = ofType('AWS::SSM::Parameter').map(([, r]) => r.Properties?.Name);
      expect(published).toContain('/megadolls/prod/runtime/alarm-topic-arn');
      expect(readFileSync(built.templatePath, 'utf8')).toContain(
        '{{resolve:secretsmanager:megadolls/pagerduty-url:SecretString}}',
      );
      const open = built.findings.filter((f) => !f.acknowledged && f.level === 'error');
      expect(open.map((f) => `${f.rule} ${f.resource ?? ''}`)).toEqual([]);
      expect(lintTemplates([built.templatePath], { regions: [built.env.region] }).errors).toEqual([]);
    },
    LINT_ALL_TIMEOUT_MS,
  );
});

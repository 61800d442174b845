import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROD_ACCOUNT } from '../fixtures/models.js';
import type { CfnResource } from '../../src/template/types.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { type Built, build, CLUSTER, ofType, ssmName, statementsOf } from './eks-cluster-fixture.js';

const CSI = { ...CLUSTER, secrets: 'secrets-store-csi' } as const;

const sidsOf = (built: Built, prefix: string) =>
  statementsOf(built, prefix)
    .map((s) => s.Sid)
    .sort();

const statement = (built: Built, prefix: string, sid: string) =>
  statementsOf(built, prefix).find((s) => s.Sid === sid);

const addonNames = (built: Built) =>
  ofType(built.template, 'AWS::EKS::Addon').map(([, r]) => r.Properties?.['AddonName']);

describe("the cluster stack with eks.secrets: 'secrets-store-csi'", () => {
  let prod: Built;
  let customer: Built;
  let defaults: Built;
  beforeAll(() => {
    prod = build('prod', 'aws-managed', { cluster: CSI });
    customer = build('prod', 'customer-managed', { cluster: CSI });
    defaults = build('prod', 'aws-managed');
  });
  afterAll(() => {
    for (const b of [prod, customer, defaults]) rmSync(b.outdir, { recursive: true, force: true });
  });

  it('installs the Secrets Store CSI driver and AWS provider add-on, and only in this mode', () => {
    const addons = ofType(prod.template, 'AWS::EKS::Addon').filter(
      ([, r]) => r.Properties?.['AddonName'] === 'aws-secrets-store-csi-driver-provider',
    );
    expect(addons).toHaveLength(1);
    const [[, addon]] = addons as [[string, CfnResource]];
    expect(addon.Properties).toMatchObject({ ResolveConflicts: 'OVERWRITE' });
    expect(addonNames(defaults)).not.toContain('aws-secrets-store-csi-driver-provider');
  });

  it('has no External Secrets role or association', () => {
    const associations = ofType(prod.template, 'AWS::EKS::PodIdentityAssociation').map(
      ([, r]) => `${String(r.Properties?.['Namespace'])}/${String(r.Properties?.['ServiceAccount'])}`,
    );
    expect(associations.sort()).toEqual([
      'kube-system/aws-load-balancer-controller',
      'megadolls/pgadmin',
      'megadolls/web',
    ]);
    expect(statementsOf(prod, 'ExternalSecretsIdentity')).toEqual([]);
    // The default keeps it.
    expect(sidsOf(defaults, 'ExternalSecretsIdentity')).toContain('ReadDeclaredSecrets');
  });

  it('lets each service role read exactly its declared secrets, and the data path only with a database or cache', () => {
    // web: its SSM secret and its database's endpoints; no Secrets Manager secret.
    expect(sidsOf(prod, 'ServiceWebIdentity')).toEqual([
      'ConnectAsAppUser',
      'ReadDataConnectionParameters',
      'ReadDeclaredParameters',
    ]);
    expect(statement(prod, 'ServiceWebIdentity', 'ReadDeclaredParameters')).toMatchObject({
      Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: `arn:aws:ssm:af-south-1:${PROD_ACCOUNT}:parameter/megadolls/prod/django-secret-key`,
    });
    expect(statement(prod, 'ServiceWebIdentity', 'ReadDataConnectionParameters')).toMatchObject({
      Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: `arn:aws:ssm:af-south-1:${PROD_ACCOUNT}:parameter/megadolls/prod/data/*`,
    });
    // pgadmin: its Secrets Manager secret only; no database or cache, so no data path.
    expect(sidsOf(prod, 'ServicePgadminIdentity')).toEqual(['ReadDeclaredSecrets']);
    const secret = statement(prod, 'ServicePgadminIdentity', 'ReadDeclaredSecrets');
    expect(secret?.Action).toEqual(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']);
    expect([secret?.Resource].flat().map((r) => ssmName(prod.template, r))).toEqual([
      '/megadolls/prod/data/secrets/pgadmin-password/arn',
    ]);
    // With the environment's own data key, decrypting through Secrets Manager only.
    expect(sidsOf(customer, 'ServicePgadminIdentity')).toEqual([
      'DecryptDeclaredSecrets',
      'ReadDeclaredSecrets',
    ]);
    expect(statement(customer, 'ServicePgadminIdentity', 'DecryptDeclaredSecrets')).toMatchObject({
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.af-south-1.amazonaws.com' } },
    });
    // The default mode leaves the service roles as they were.
    expect(sidsOf(defaults, 'ServiceWebIdentity')).toEqual(['ConnectAsAppUser']);
    expect(sidsOf(defaults, 'ServicePgadminIdentity')).toEqual([]);
  });

  it('passes cfn-lint, and the checks with Control Tower on leave nothing open', () => {
    const lint = lintTemplates([prod.templatePath, customer.templatePath]);
    expect(lint.errors).toEqual([]);
    for (const { findings } of [prod, customer]) {
      expect(findings.filter((f) => !f.acknowledged).map((f) => `${f.rule} ${f.resource}`)).toEqual([]);
    }
  });
});

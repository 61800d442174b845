import path from 'node:path';
import { ACMClient, DescribeCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import {
  ApiGatewayV2Client,
  GetApiMappingsCommand,
  GetDomainNameCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDeploy } from '../../src/cli/render/deploy.js';
import { loadConfig } from '../../src/config/load.js';
import { type DeployEvent, deployEnvironment } from '../../src/deploy/index.js';
import type { Ingress } from '../../src/model/ingress.js';
import type { AppModel } from '../../src/model/types.js';
import { defaultIngressOf } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

const CONFIG = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');
const DOMAIN = 'dev.medications.example.com';
const CERTIFICATE = 'arn:aws:acm:us-east-1:111111111111:certificate/6a1f0c2e-8d4b-4e7a-9c3f-2b5d8e1a7f40';

/** An environment with a domain names a certificate of its own account, which the emulator lacks. */
describe('a domain and its certificate on the local emulator', () => {
  const emulator = useEmulator();
  let medications: AppModel;

  beforeAll(async () => {
    medications = await loadConfig(CONFIG);
  });

  /** Medications with a domain on dev, in front of it the ingress given (resolved as if the config set it). */
  function withDomain(ingress: Ingress): AppModel {
    return {
      ...medications,
      environments: medications.environments.map((e) =>
        e.name === 'dev'
          ? { ...e, ...defaultIngressOf(e, ingress), domain: { name: DOMAIN, certificateArn: CERTIFICATE } }
          : e,
      ),
    };
  }

  it('imports a self-signed certificate for the domain, serves HTTPS with it and says it stands in for the configured one', async () => {
    // The HTTPS listener is the load balancer's: dev defaults to the HTTP API, so it is set here.
    const model = withDomain('load-balancer');
    const events: DeployEvent[] = [];
    const result = await deployEnvironment(model, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
      onEvent: (e) => events.push(e),
    });
    expect(result.stacks.map((s) => [s.name, s.action])).toContainEqual([
      'medications-dev-runtime',
      'created',
    ]);

    const [standIn] = result.certificateStandIns;
    expect(result.certificateStandIns).toHaveLength(1);
    expect(standIn).toMatchObject({ environment: 'dev', domain: DOMAIN, configured: CERTIFICATE });
    expect(standIn?.standIn).toMatch(/^arn:aws:acm:us-east-1:123456789012:certificate\//);
    expect(events).toContainEqual({ kind: 'certificate-stand-in', standIn });
    expect(renderDeploy(result)).toContain(
      `Certificates: the emulator has no ${CERTIFICATE}; a self-signed certificate for ${DOMAIN} stands in for it (${standIn?.standIn}).`,
    );

    const acm = new ACMClient(emulator.config());
    const imported = await acm.send(new DescribeCertificateCommand({ CertificateArn: standIn?.standIn }));
    expect(imported.Certificate).toMatchObject({ DomainName: DOMAIN, Type: 'IMPORTED' });

    const elb = new ElasticLoadBalancingV2Client(emulator.config());
    const [balancer] = (await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? [];
    const listeners =
      (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: balancer?.LoadBalancerArn })))
        .Listeners ?? [];
    const https = listeners.find((l) => l.Port === 443);
    expect(https?.Certificates?.[0]?.CertificateArn).toBe(standIn?.standIn);

    // The next deploy finds the same stand-in: the listener keeps its certificate, nothing changes.
    const again = await deployEnvironment(model, 'dev', emulator.target());
    expect(again.certificateStandIns).toEqual(result.certificateStandIns);
    expect(again.stacks.find((s) => s.name === 'medications-dev-runtime')?.action).toBe('unchanged');
    expect((await acm.send(new ListCertificatesCommand({}))).CertificateSummaryList).toHaveLength(1);
  });

  it('gives the HTTP API custom domain the same stand-in, and a redeploy keeps it', async () => {
    const model = withDomain('http-api');
    const result = await deployEnvironment(model, 'dev', emulator.target());
    const [standIn] = result.certificateStandIns;
    expect(result.certificateStandIns).toHaveLength(1);
    expect(standIn).toMatchObject({ environment: 'dev', domain: DOMAIN, configured: CERTIFICATE });

    const apis = new ApiGatewayV2Client(emulator.config());
    const domain = await apis.send(new GetDomainNameCommand({ DomainName: DOMAIN }));
    expect(domain.DomainNameConfigurations?.map((c) => c.CertificateArn)).toEqual([standIn?.standIn]);
    expect((await apis.send(new GetApiMappingsCommand({ DomainName: DOMAIN }))).Items).toHaveLength(1);

    const again = await deployEnvironment(model, 'dev', emulator.target());
    expect(again.certificateStandIns).toEqual(result.certificateStandIns);
    expect(again.stacks.find((s) => s.name === 'medications-dev-runtime')?.action).toBe('unchanged');
  });
});

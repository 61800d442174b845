import { describe, expect, it } from 'vitest';
import {
  ALLOWED_INGRESS_ANNOTATIONS,
  isAllowedIngressAnnotation,
} from '../../src/kubernetes/ingress-annotations.js';
import { ManifestError } from '../../src/kubernetes/manifest-error.js';
import { manifestList, serviceManifests } from '../../src/kubernetes/service-manifests.js';
import type { EnvironmentModel, ServiceModel } from '../../src/model/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { manifestOptions } from './manifest-options.js';

const model = megadollsLikeModel();
const dev = model.environments.find((e) => e.name === 'dev')!;
const prod = model.environments.find((e) => e.name === 'prod')!;
const serviceOf = (env: EnvironmentModel, name: string) => env.services.find((s) => s.name === name)!;
const build = (env: EnvironmentModel, service: ServiceModel) =>
  serviceManifests(env, service, manifestOptions(model, env, service));
const podOf = (env: EnvironmentModel, name: string) =>
  build(env, serviceOf(env, name)).deployment.spec!.template.spec!;

describe('service manifests', () => {
  it('select pods by the service and app names, the same on every object', () => {
    const web = build(dev, serviceOf(dev, 'web'));
    const selector = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/part-of': 'megadolls' };
    expect(web.deployment.spec!.selector.matchLabels).toEqual(selector);
    expect(web.deployment.spec!.template.metadata!.labels).toMatchObject(selector);
    expect(web.service.spec!.selector).toEqual(selector);
    expect(web.disruptionBudget.spec!.selector!.matchLabels).toEqual(selector);
    expect(web.networkPolicy.spec!.podSelector!.matchLabels).toEqual(selector);
    const spread = web.deployment.spec!.template.spec!.topologySpreadConstraints![0]!;
    expect(spread.labelSelector!.matchLabels).toEqual(selector);
  });

  it('keep the selector when the image, namespace or environment changes', () => {
    const web = serviceOf(dev, 'web');
    const moved = serviceManifests(
      prod,
      { ...web, image: { repository: 'other/web', tag: 'v2' } },
      {
        ...manifestOptions(model, prod, web),
        namespace: 'elsewhere',
        image: 'example.com/other/web:v2',
      },
    );
    expect(moved.deployment.spec!.selector).toEqual(build(dev, web).deployment.spec!.selector);
  });

  it('give the same objects for the same model', () => {
    const web = serviceOf(prod, 'web');
    expect(JSON.stringify(manifestList(build(prod, web)))).toBe(
      JSON.stringify(manifestList(build(prod, web))),
    );
  });

  it('run pods as the model user, never root, on a read-only root with emptyDir for writable paths', () => {
    const pod = podOf(dev, 'web');
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const container = pod.containers[0]!;
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.volumes).toEqual([{ name: 'writable-tmp', emptyDir: {} }]);
    expect(container.volumeMounts).toEqual([{ name: 'writable-tmp', mountPath: '/tmp' }]);
  });

  it('take the group from uid:gid, and refuse a user name the kubelet cannot check', () => {
    const web = serviceOf(dev, 'web');
    const grouped = build(dev, { ...web, user: '1000:2000' }).deployment.spec!.template.spec!;
    expect(grouped.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 2000 });
    expect(() => build(dev, { ...web, user: 'node' })).toThrow(ManifestError);
    expect(() => build(dev, { ...web, user: 'node' })).toThrow(/environments\.dev\.services\.web\.user/);
  });

  it('let a non-root pod bind a port below 1024 through the namespaced sysctl only', () => {
    expect(podOf(dev, 'pgadmin').securityContext!.sysctls).toEqual([
      { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' },
    ]);
    expect(podOf(dev, 'web').securityContext!.sysctls).toBeUndefined();
  });

  it('size requests and limits from CPU units (1024 = 1 vCPU) and MiB', () => {
    expect(podOf(dev, 'web').containers[0]!.resources).toEqual({
      requests: { cpu: '1000m', memory: '2048Mi' },
      limits: { cpu: '1000m', memory: '2048Mi' },
    });
    expect(podOf(dev, 'pgadmin').containers[0]!.resources!.requests).toEqual({
      cpu: '250m',
      memory: '512Mi',
    });
  });

  it('probe the health path on the container port and stop after a preStop sleep', () => {
    const container = podOf(prod, 'web').containers[0]!;
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8000, protocol: 'TCP' }]);
    expect(container.readinessProbe!.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.livenessProbe!.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.livenessProbe!.initialDelaySeconds).toBe(60);
    expect(container.lifecycle!.preStop!.sleep!.seconds).toBe(15);
    // The app keeps its 45 s after SIGTERM, which comes after the sleep.
    expect(podOf(prod, 'web').terminationGracePeriodSeconds).toBe(60);
  });

  it('prefer other nodes and spread over zones without ever blocking scheduling', () => {
    const pod = podOf(prod, 'web');
    const antiAffinity = pod.affinity!.podAntiAffinity!;
    expect(antiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
    expect(
      antiAffinity.preferredDuringSchedulingIgnoredDuringExecution![0]!.podAffinityTerm.topologyKey,
    ).toBe('kubernetes.io/hostname');
    expect(pod.topologySpreadConstraints).toEqual([
      expect.objectContaining({
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        maxSkew: 1,
      }),
    ]);
    const zones =
      pod.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms;
    expect(zones[0]!.matchExpressions![0]!.values).toEqual(['af-south-1a', 'af-south-1b', 'af-south-1c']);
    // On-demand in prod: never on Spot.
    const onDemand = { 'eks.amazonaws.com/capacityType': 'ON_DEMAND' };
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/arch': 'arm64', ...onDemand });
    expect(podOf(prod, 'pgadmin').nodeSelector).toEqual({ 'kubernetes.io/arch': 'amd64', ...onDemand });
  });

  it('pass the plain environment and PORT, and secrets only through the env Secret', () => {
    const container = podOf(dev, 'worker').containers[0]!;
    expect(container.env).toEqual([
      { name: 'DJANGO_SETTINGS_MODULE', value: 'megadolls.settings.dev' },
      { name: 'ROLE', value: 'worker' },
      { name: 'PORT', value: '8080' },
    ]);
    expect(container.envFrom).toEqual([{ secretRef: { name: 'worker-env' } }]);
    const web = serviceOf(dev, 'web');
    expect(() => build(dev, { ...web, environment: { PORT: '9000' } })).toThrow(/environment\.PORT/);
  });

  it('scale between min and max on CPU and memory, leaving the count to the autoscaler', () => {
    const web = build(prod, serviceOf(prod, 'web'));
    expect(web.autoscaler!.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    });
    expect(web.deployment.spec!.replicas).toBeUndefined();
    const worker = build(dev, serviceOf(dev, 'worker'));
    expect(worker.autoscaler!.spec!.metrics![0]!.resource!.name).toBe('memory');
  });

  it('run a fixed-size service at its min count with no autoscaler', () => {
    const pgadmin = build(prod, serviceOf(prod, 'pgadmin'));
    expect(pgadmin.autoscaler).toBeUndefined();
    expect(pgadmin.deployment.spec!.replicas).toBe(2);
  });

  it('refuse a scaling service with no CPU or memory target', () => {
    const web = serviceOf(dev, 'web');
    expect(() => build(dev, { ...web, scaling: { requestsPerTarget: 500 } })).toThrow(
      /environments\.dev\.services\.web\.scaling/,
    );
  });

  it('keep one pod through a drain when there are several, and never block a single one', () => {
    expect(build(prod, serviceOf(prod, 'web')).disruptionBudget.spec).toMatchObject({ minAvailable: 1 });
    const worker = build(dev, serviceOf(dev, 'worker')).disruptionBudget.spec!;
    expect(worker.maxUnavailable).toBe(1);
    expect(worker.minAvailable).toBeUndefined();
  });

  it('admit traffic on the service port only', () => {
    const web = build(dev, serviceOf(dev, 'web'));
    expect(web.networkPolicy.spec).toMatchObject({
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: 8000 }] }],
    });
    expect(web.service.spec).toMatchObject({
      type: 'ClusterIP',
      ports: [{ name: 'http', port: 8000, targetPort: 'http', protocol: 'TCP' }],
    });
  });

  it('give public services an alb Ingress with annotations from the allow-list only', () => {
    for (const env of model.environments) {
      for (const service of env.services) {
        const { ingress } = build(env, service);
        if (!service.public) {
          expect(ingress, `${env.name}/${service.name}`).toBeUndefined();
          continue;
        }
        expect(ingress!.spec!.ingressClassName).toBe('alb');
        const keys = Object.keys(ingress!.metadata!.annotations!);
        expect(keys.filter((key) => !isAllowedIngressAnnotation(key))).toEqual([]);
        expect(ingress!.metadata!.annotations).toMatchObject({
          'alb.ingress.kubernetes.io/group.name': `megadolls-${env.name}`,
          'alb.ingress.kubernetes.io/scheme': 'internet-facing',
          'alb.ingress.kubernetes.io/target-type': 'ip',
          'alb.ingress.kubernetes.io/healthcheck-path': service.healthPath,
        });
      }
    }
    expect(ALLOWED_INGRESS_ANNOTATIONS).not.toContain('alb.ingress.kubernetes.io/inbound-cidrs');
  });

  it('serve HTTPS with a redirect only where the environment has a domain', () => {
    const devAnnotations = build(dev, serviceOf(dev, 'web')).ingress!.metadata!.annotations!;
    expect(devAnnotations['alb.ingress.kubernetes.io/certificate-arn']).toBeUndefined();
    expect(devAnnotations['alb.ingress.kubernetes.io/ssl-redirect']).toBeUndefined();
    expect(devAnnotations['alb.ingress.kubernetes.io/listen-ports']).toBe('[{"HTTP":80}]');
    const prodAnnotations = build(prod, serviceOf(prod, 'web')).ingress!.metadata!.annotations!;
    expect(prodAnnotations['alb.ingress.kubernetes.io/certificate-arn']).toBe(prod.domain!.certificateArn);
    expect(prodAnnotations['alb.ingress.kubernetes.io/ssl-redirect']).toBe('443');
    expect(prodAnnotations['alb.ingress.kubernetes.io/listen-ports']).toBe('[{"HTTP":80},{"HTTPS":443}]');
  });

  it('route the service paths, limit a CIDR-bound service on its own rule, and order specific paths first', () => {
    const pgadmin = build(dev, serviceOf(dev, 'pgadmin')).ingress!;
    const web = build(dev, serviceOf(dev, 'web')).ingress!;
    // `/pgadmin` beside `/pgadmin/*` is one prefix.
    expect(pgadmin.spec!.rules![0]!.http!.paths).toEqual([
      {
        path: '/pgadmin',
        pathType: 'Prefix',
        backend: { service: { name: 'pgadmin', port: { number: 80 } } },
      },
    ]);
    expect(web.spec!.rules![0]!.http!.paths.map((p) => [p.path, p.pathType])).toEqual([['/', 'Prefix']]);
    expect(
      JSON.parse(pgadmin.metadata!.annotations!['alb.ingress.kubernetes.io/conditions.pgadmin']!),
    ).toEqual([{ field: 'source-ip', sourceIpConfig: { values: ['203.0.113.0/24'] } }]);
    expect(web.metadata!.annotations!['alb.ingress.kubernetes.io/conditions.web']).toBeUndefined();
    const order = (ingress: typeof web) =>
      Number(ingress.metadata!.annotations!['alb.ingress.kubernetes.io/group.order']);
    expect(order(pgadmin)).toBeLessThan(order(web));
  });

  it('carry no role ARN and no CloudFormation token', () => {
    for (const env of model.environments) {
      for (const service of env.services) {
        const manifests = build(env, service);
        expect(manifests.serviceAccount.metadata!.annotations).toBeUndefined();
        expect(JSON.stringify(manifestList(manifests))).not.toMatch(/\$\{Token|Fn::|"Ref":|role-arn/);
      }
    }
  });

  it('hold the namespace to the restricted Pod Security Standard', () => {
    expect(build(dev, serviceOf(dev, 'web')).namespace.metadata!.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });
});

import path from 'node:path';
import type { AppModel, EnvironmentModel, ServiceModel } from '../model/types.js';
import { appNamespace, eksClusterName, serviceAccountName } from '../stacks/runtime/eks/eks-names.js';
import { regionFacts } from '../stacks/shared/partition.js';
import { ARGOCD_NAMESPACE, argoApplication, PLATFORM_WAVE, SERVICES_WAVE } from './argo-application.js';
import { autoModeIngressClass } from './auto-mode-ingress-class.js';
import { autoModeNodePools } from './auto-mode-node-pools.js';
import { serviceMonitors } from './datadog-monitors.js';
import { datadogSecretFiles } from './datadog-secrets.js';
import { DATADOG_NAMESPACE } from './datadog-values.js';
import { karpenterPoolsApplication } from './karpenter-application.js';
import { karpenterNodePoolObjects } from './karpenter-node-pools.js';
import { ManifestError } from './manifest-error.js';
import type { KubernetesManifest } from './manifest.js';
import { serviceNamespace } from './namespace.js';
import { platformApplications } from './platform-applications.js';
import { secretStores } from './secret-stores.js';
import { manifestList, serviceManifests } from './service-manifests.js';
import { multiDocumentYaml, type ManifestFile } from './write-manifests.js';

/** Where the GitOps folders live in the repository when the cluster model names no other place. */
export const DEFAULT_GITOPS_PATH = 'gitops';

export interface EnvironmentManifestOptions {
  /**
   * Tags that find the environment's VPC (all must match), for the load balancer controller,
   * which needs the VPC and must not be given its id: that is a CloudFormation token until deploy.
   */
  readonly vpcTags: Readonly<Record<string, string>>;
  /** The Git repository Argo CD reads the folder from, as Argo CD clones it. */
  readonly repoUrl: string;
  /** Branch, tag or commit Argo CD follows. */
  readonly revision: string;
  /** Folder of the repository that holds every environment's folder. @default the cluster's gitopsPath, else 'gitops' */
  readonly gitopsPath?: string;
  /** Full image reference a service's pods run. @default the CI account's ECR image at the service's tag */
  readonly images?: (service: ServiceModel) => string;
}

/** A file of the folder, with the objects it holds (for validation and checks). */
export interface GitopsFile extends ManifestFile {
  readonly manifests: readonly KubernetesManifest[];
}

/**
 * An EKS environment's GitOps folder, `<gitopsPath>/<env>/`, as files whose paths are relative to
 * the repository root:
 * - `root.yaml`: the app of apps, an Argo CD Application of `apps/`; applied once by hand, Argo
 *   CD keeps everything else in sync from Git;
 * - `apps/platform-<chart>.yaml`: the controllers, pinned charts (wave -1);
 * - with Datadog, `apps/platform-datadog-secrets.yaml`, an Application of `platform/datadog/`, the
 *   store and ExternalSecrets that make the chart's Secrets in its namespace (wave -1);
 * - with Datadog monitors, `apps/platform-datadog-monitors.yaml`, an Application of
 *   `platform/datadog-monitors/`, one file per service with its DatadogMonitors (wave 0);
 * - with Karpenter, `apps/platform-karpenter.yaml` (wave -2) and
 *   `apps/platform-karpenter-node-pools.yaml`, an Application of `platform/karpenter/`, one file
 *   per Karpenter pool with its EC2NodeClass and NodePool (wave -1);
 * - with EKS Auto Mode, `apps/platform-auto-mode.yaml`, an Application of `platform/auto-mode/`:
 *   `ingress-class.yaml` (the `alb` class on Auto Mode's load balancing, one shared ALB) and one
 *   NodePool file per pool but `system` (wave -1);
 * - `apps/<app>-services.yaml`: an Application of `services/` (wave 0);
 * - `services/namespace.yaml`, `services/secret-stores.yaml` (not with `eks.secrets:
 *   'secrets-store-csi'`), and `services/<service>.yaml` with each service's objects.
 *
 * Nothing for an environment on ECS. The same model and options always give the same bytes.
 * Callers validate the objects (`validateManifests`) and check them (`checkGitopsFiles`).
 */
export function environmentManifests(
  model: AppModel,
  env: EnvironmentModel,
  options: EnvironmentManifestOptions,
): GitopsFile[] {
  if ((env.runtime ?? 'ecs') !== 'eks') return [];
  if (!env.eks) {
    throw new ManifestError(
      `environments.${env.name}.eks`,
      "the environment runs on 'eks' but plans no cluster",
      'add an eks block to the environment',
    );
  }
  const app = model.app;
  const namespace = appNamespace(app);
  const folder = path.posix.join(options.gitopsPath ?? env.eks.gitopsPath ?? DEFAULT_GITOPS_PATH, env.name);
  const file = (relative: string, manifests: readonly KubernetesManifest[]): GitopsFile => ({
    path: path.posix.join(folder, relative),
    content: multiDocumentYaml(manifests),
    manifests,
  });
  const fromGit = (relative: string) => ({
    repoURL: options.repoUrl,
    targetRevision: options.revision,
    path: path.posix.join(folder, relative),
  });

  const root = argoApplication({
    app,
    name: `${app}-root`,
    namespace: ARGOCD_NAMESPACE,
    source: fromGit('apps'),
  });
  const services = argoApplication({
    app,
    name: `${app}-services`,
    namespace,
    wave: SERVICES_WAVE,
    source: fromGit('services'),
  });
  const image = options.images ?? ((service: ServiceModel) => ciImage(model, service));
  const mountsSecrets = env.eks.secrets === 'secrets-store-csi';
  // The Datadog chart's Secrets: a folder and an Application of their own, in the chart's namespace.
  const datadog = env.eks.datadog;
  if (datadog && mountsSecrets) {
    throw new ManifestError(
      `environments.${env.name}.eks.datadog`,
      "the Datadog chart reads its API key from a Kubernetes Secret, which External Secrets makes and 'secrets-store-csi' does not",
      "remove eks.datadog or set eks.secrets to 'external-secrets'",
    );
  }
  const datadogSecrets = datadog
    ? [
        file('apps/platform-datadog-secrets.yaml', [
          argoApplication({
            app,
            name: 'platform-datadog-secrets',
            namespace: DATADOG_NAMESPACE,
            wave: PLATFORM_WAVE,
            source: fromGit('platform/datadog'),
          }),
        ]),
        ...datadogSecretFiles(env, datadog, { app }).map((f) =>
          file(`platform/datadog/${f.name}`, f.manifests),
        ),
      ]
    : [];
  // The services' monitors: a folder and an Application of their own, after the chart that
  // brings the DatadogMonitor kind and the Operator that keeps them in Datadog.
  const monitors = datadog?.monitors;
  const monitorFiles = monitors
    ? [
        file('apps/platform-datadog-monitors.yaml', [
          argoApplication({
            app,
            name: 'platform-datadog-monitors',
            namespace: DATADOG_NAMESPACE,
            wave: SERVICES_WAVE,
            source: fromGit('platform/datadog-monitors'),
          }),
        ]),
        ...env.services.map((service) =>
          file(
            `platform/datadog-monitors/${service.name}.yaml`,
            serviceMonitors(env, service, {
              app,
              clusterName: eksClusterName(app, env.name),
              namespace,
              monitors,
            }),
          ),
        ),
      ]
    : [];
  // Karpenter's NodePools and EC2NodeClasses: a folder and an Application of their own.
  const karpenterPools = karpenterNodePoolObjects(app, env);
  const karpenterFiles =
    karpenterPools.length > 0
      ? [
          file('apps/platform-karpenter-node-pools.yaml', [
            karpenterPoolsApplication(app, fromGit('platform/karpenter')),
          ]),
          ...karpenterPools.map((p) => file(`platform/karpenter/${p.pool}.yaml`, p.manifests)),
        ]
      : [];
  // EKS Auto Mode's NodePools and the `alb` IngressClass: a folder and an Application of their own.
  // One ALB per environment, shared by its public services, as on ECS.
  const ingressGroupName = `${app}-${env.name}`;
  const autoModeFiles =
    env.eks.nodes === 'auto'
      ? [
          file('apps/platform-auto-mode.yaml', [
            argoApplication({
              app,
              name: 'platform-auto-mode',
              // IngressClasses and NodePools are cluster-scoped; kube-system for tidiness.
              namespace: 'kube-system',
              wave: PLATFORM_WAVE,
              source: fromGit('platform/auto-mode'),
            }),
          ]),
          file('platform/auto-mode/ingress-class.yaml', autoModeIngressClass(app, ingressGroupName)),
          ...autoModeNodePools(app, env).map((p) => file(`platform/auto-mode/${p.pool}.yaml`, p.manifests)),
        ]
      : [];
  return [
    file('root.yaml', [root]),
    ...platformApplications(env, { app, vpcTags: options.vpcTags }).map((application) =>
      file(`apps/${application.metadata.name}.yaml`, [application]),
    ),
    ...datadogSecrets,
    ...monitorFiles,
    ...karpenterFiles,
    ...autoModeFiles,
    file(`apps/${app}-services.yaml`, [services]),
    file('services/namespace.yaml', [serviceNamespace({ app, namespace })]),
    // The CSI driver reads as each pod: no stores, each service has its SecretProviderClass.
    ...(mountsSecrets ? [] : [file('services/secret-stores.yaml', secretStores(env, { app, namespace }))]),
    ...env.services.map((service) => {
      const manifests = serviceManifests(env, service, {
        app,
        namespace,
        image: image(service),
        serviceAccountName: serviceAccountName(service.name),
        ingressGroupName,
      });
      // The namespace has its own file: one object may sit in one file of an Application only.
      return file(
        `services/${service.name}.yaml`,
        manifestList(manifests).filter((m) => m !== manifests.namespace),
      );
    }),
  ];
}

/** The image the service's ECS task would run: the CI account's ECR repository at the service's tag. */
export function ciImage(model: AppModel, service: ServiceModel): string {
  const { urlSuffix } = regionFacts(model.ci.region);
  return `${model.ci.account}.dkr.ecr.${model.ci.region}.${urlSuffix}/${service.image.repository}:${service.image.tag}`;
}

import type { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { EnvironmentModel } from '../model/types.js';
import { eksClusterName, platformAccounts } from '../stacks/runtime/eks/eks-names.js';
import { argoApplication, PLATFORM_WAVE } from './argo-application.js';
import { tracesToNodeAgent } from './datadog-tracing.js';
import { DATADOG_NAMESPACE, datadogValues } from './datadog-values.js';
import { karpenterApplications } from './karpenter-application.js';
import { taintTolerations } from './node-placement.js';
import {
  DATADOG_CHART,
  EXTERNAL_SECRETS_CHART,
  LOAD_BALANCER_CONTROLLER_CHART,
  type PinnedChart,
} from './platform-charts.js';

export interface PlatformApplicationProps {
  readonly app: string;
  /**
   * Tags that find the environment's VPC, the chart's `vpcTags`: the controller looks the VPC up
   * by them (AND), so no VPC id (a CloudFormation token) is written into the folder.
   */
  readonly vpcTags: Readonly<Record<string, string>>;
}

/**
 * The controllers the services rely on, each an Argo CD Application of its pinned chart: the AWS
 * Load Balancer Controller (the services' Ingresses) and External Secrets (their `-env` Secrets).
 * Their IAM roles come through EKS Pod Identity associations on the fixed service accounts in
 * `platformAccounts`, so the service accounts carry no role annotation. They tolerate every pool's
 * taints: a cluster whose pools are all tainted must still run them. With `eks.datadog`, the Datadog
 * agent too, whose node agent must run on every node.
 */
export function platformApplications(env: EnvironmentModel, props: PlatformApplicationProps): Application[] {
  const tolerations = taintTolerations((env.eks?.nodePools ?? []).flatMap((pool) => pool.taints));
  const { loadBalancerController: lbc, externalSecrets: eso } = platformAccounts;
  const datadog = env.eks?.datadog;
  return [
    // Not under EKS Auto Mode, whose own load balancing serves the `alb` class (auto-mode-ingress-class.ts).
    ...(env.eks?.nodes === 'auto'
      ? []
      : [
          chartApplication(props.app, LOAD_BALANCER_CONTROLLER_CHART, lbc.namespace, {
            clusterName: eksClusterName(props.app, env.name),
            region: env.region,
            vpcTags: { ...props.vpcTags },
            serviceAccount: { create: true, name: lbc.serviceAccount },
            tolerations,
          }),
        ]),
    // Not with the Secrets Store CSI driver, an EKS add-on the cluster stack installs.
    ...(env.eks?.secrets === 'secrets-store-csi'
      ? []
      : [
          chartApplication(
            props.app,
            EXTERNAL_SECRETS_CHART,
            eso.namespace,
            {
              installCRDs: true,
              serviceAccount: { create: true, name: eso.serviceAccount },
              tolerations,
              webhook: { tolerations },
              certController: { tolerations },
            },
            { serverSide: true },
          ),
        ]),
    // The Datadog agent on every node, when the cluster model asks for it.
    ...(datadog
      ? [
          chartApplication(
            props.app,
            DATADOG_CHART,
            DATADOG_NAMESPACE,
            datadogValues({
              datadog,
              clusterName: eksClusterName(props.app, env.name),
              environment: env.name,
              tolerations,
              tracing: tracesToNodeAgent(env),
            }),
          ),
        ]
      : []),
    // Karpenter, when it starts the nodes of the pools but `system`.
    ...karpenterApplications(props.app, env),
  ];
}

/** `platform-<chart>`: the Application's name and its file's. */
export function platformApplicationName(chart: PinnedChart): string {
  return `platform-${chart.chart}`;
}

function chartApplication(
  app: string,
  chart: PinnedChart,
  namespace: string,
  values: Record<string, unknown>,
  options: { readonly serverSide?: boolean } = {},
): Application {
  return argoApplication({
    app,
    name: platformApplicationName(chart),
    namespace,
    wave: PLATFORM_WAVE,
    source: {
      repoURL: chart.repoURL,
      chart: chart.chart,
      targetRevision: chart.version,
      // The release name fixes the chart's object names, whatever the Application is called.
      helm: { releaseName: chart.chart, valuesObject: values },
    },
    ...(options.serverSide ? { serverSide: true } : {}),
  });
}

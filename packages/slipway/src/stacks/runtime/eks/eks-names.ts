import { layerStackName } from '../../../naming/names.js';

/** `<app>-<env>`: fixed, so the GitOps side (the ALB controller, Argo CD) names it without tokens. */
export function eksClusterName(app: string, env: string): string {
  return `${app}-${env}`;
}

/** The namespace an app's services run in on its cluster: one per app, named after it. */
export function appNamespace(app: string): string {
  return app;
}

/** A service's Kubernetes service account, which its Pod Identity association names. */
export function serviceAccountName(service: string): string {
  return service;
}

/** Where the platform controllers run: their namespaces and service accounts, which Pod Identity names. */
export const platformAccounts = {
  loadBalancerController: { namespace: 'kube-system', serviceAccount: 'aws-load-balancer-controller' },
  externalSecrets: { namespace: 'external-secrets', serviceAccount: 'external-secrets' },
  karpenter: { namespace: 'kube-system', serviceAccount: 'karpenter' },
} as const;

/**
 * The tag that finds the environment's VPC, for the load balancer controller's `vpcTags`: the
 * controller cannot ask the instance metadata service (hop limit 1), and a VPC id would be a
 * token. CDK names a VPC after its construct path, and the network stack's VPC is `Vpc` in
 * `<app>-<env>-network`, so its `Name` tag is fixed and known before anything deploys.
 */
export function vpcLookupTag(app: string, env: string): { readonly key: string; readonly value: string } {
  return { key: 'Name', value: `${layerStackName(app, env, 'network')}/Vpc` };
}

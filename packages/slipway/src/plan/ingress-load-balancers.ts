import type { GitopsFile } from '../kubernetes/environment-manifests.js';
import type { EnvironmentModel } from '../model/types.js';
import type { CfnResource, SynthesizedStack } from '../template/types.js';

const GROUP = 'alb.ingress.kubernetes.io/group.name';
const SCHEME = 'alb.ingress.kubernetes.io/scheme';

interface IngressLike {
  readonly kind?: string;
  readonly metadata?: { readonly annotations?: Readonly<Record<string, string>> };
}

/**
 * The load balancers the AWS Load Balancer Controller will create from an EKS environment's
 * Ingress objects, one per ingress group, as template resources the estimate prices like any
 * other application load balancer. They are in no CloudFormation template (the controller makes
 * them at run time), so the plan adds them from what it is about to commit; an internet-facing
 * one spans the environment's public subnets, one per zone. Undefined when there are none.
 */
export function ingressLoadBalancers(
  env: EnvironmentModel,
  files: readonly GitopsFile[],
): SynthesizedStack | undefined {
  const groups = new Map<string, string>();
  for (const manifest of files.flatMap((file) => file.manifests)) {
    const object = manifest as IngressLike;
    const annotations = object.metadata?.annotations ?? {};
    if (object.kind !== 'Ingress') continue;
    const group = annotations[GROUP];
    if (group !== undefined) groups.set(group, annotations[SCHEME] ?? 'internal');
  }
  if (groups.size === 0) return undefined;
  const zones = env.availabilityZones.map((zone) => `${zone} (public subnet)`);
  const resources: Record<string, CfnResource> = {};
  for (const [group, scheme] of groups) {
    resources[`Ingress ${group}`] = {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: { Type: 'application', Scheme: scheme, Subnets: zones },
    };
  }
  return {
    name: `${env.stackNames.runtime} (load balancer controller)`,
    environment: env.name,
    region: env.region,
    templatePath: '',
    template: { Resources: resources },
  };
}

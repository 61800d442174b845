import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { EksClusterModel } from '../../../model/eks.js';
import type { AppModel, EnvironmentModel } from '../../../model/types.js';
import { importVpc } from '../../network/imported-vpc.js';
import { type EnvironmentRef } from '../../shared/cross-stack.js';
import { environmentAlarmTopic } from '../../shared/environment-alarm-topic.js';
import { SlipwayStack } from '../../shared/slipway-stack.js';
import { acknowledgeAutoModeClusterRole, clusterCapacity } from './auto-mode-capacity.js';
import { AUTO_MODE_BUILT_IN_ADDONS, clusterAddons, SECRETS_STORE_CSI_ADDON } from './cluster-addons.js';
import { clusterSecretsKey } from './cluster-secrets-key.js';
import { dataIngress } from './data-ingress.js';
import { developerAccess } from './developer-access.js';
import { eksClusterName } from './eks-names.js';
import { externalSecretsIdentity } from './external-secrets-identity.js';
import { managedGroupPools } from './karpenter-names.js';
import { karpenterNodes } from './karpenter-nodes.js';
import { kubernetesVersion } from './kubernetes-version.js';
import { loadBalancerControllerIdentity } from './load-balancer-controller-identity.js';
import { managedNodePools } from './node-pools.js';
import { provisionerCluster } from './provisioner-cluster.js';
import { servicePodIdentities } from './service-pod-identity.js';

export interface ClusterStackProps {
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
  readonly cluster: EksClusterModel;
}

/** Every control-plane log type EKS offers; the logs are what an incident review reads first. */
const ALL_LOG_TYPES = [
  eks.ClusterLoggingTypes.API,
  eks.ClusterLoggingTypes.AUDIT,
  eks.ClusterLoggingTypes.AUTHENTICATOR,
  eks.ClusterLoggingTypes.CONTROLLER_MANAGER,
  eks.ClusterLoggingTypes.SCHEDULER,
];

/**
 * `<app>-<env>-cluster`: the EKS control plane in the environment's private subnets, its managed
 * node groups, the add-ons every workload needs, the admins' and developers' access entries, the
 * Pod Identity roles of the services and the platform controllers (load balancer controller,
 * External Secrets Operator, or instead the Secrets Store CSI driver add-on with `eks.secrets:
 * 'secrets-store-csi'`), the rules that let pods reach the databases and caches, and the
 * environment's alarm topic with its routes (`shared/environment-alarm-topic.ts`).
 * CloudFormation-native only: no kubectl Lambda (Kubernetes objects go to the GitOps folder,
 * decision 015), so zero custom resources. Standard support only: extended support costs $0.60 an
 * hour instead of $0.10. Cost: $0.10/h for the control plane (about $73 a month) plus the nodes'
 * EC2 and EBS; roles, access entries, Pod Identity associations, security group rules and the
 * topic are free.
 */
export class ClusterStack extends SlipwayStack {
  readonly cluster: eks.Cluster;

  constructor(scope: Construct, props: ClusterStackProps) {
    const { model, environment: env, cluster: planned } = props;
    const stackName = `${model.app}-${env.name}-cluster`;
    super(scope, {
      app: model.app,
      stackName,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: EKS cluster, node groups, add-ons, access entries, Pod Identity`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const vpc = importVpc(this, where, env, 'private');
    const path = `environments.${env.name}.eks`;

    this.cluster = new eks.Cluster(this, 'Cluster', {
      clusterName: eksClusterName(model.app, env.name),
      version: kubernetesVersion(planned.version, `${path}.version`),
      vpc,
      vpcSubnets: [{ subnets: vpc.isolatedSubnets.length > 0 ? vpc.isolatedSubnets : vpc.privateSubnets }],
      ...clusterCapacity(this, planned, model.app, env.name),
      endpointAccess:
        planned.publicEndpointCidrs.length > 0
          ? eks.EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(...planned.publicEndpointCidrs)
          : eks.EndpointAccess.PRIVATE,
      clusterLogging: ALL_LOG_TYPES,
      secretsEncryptionKey: clusterSecretsKey(this, where, env),
      // Admins come from the config's access entries, not from whoever ran the first deploy.
      bootstrapClusterCreatorAdminPermissions: false,
    });
    const cfnCluster = this.cluster.node.defaultChild as eks.CfnCluster;
    cfnCluster.upgradePolicy = { supportType: 'STANDARD' };
    acknowledgeClusterChoices(this.cluster, planned, env);
    acknowledgeAutoModeClusterRole(this.cluster, planned);

    // Under Karpenter only the system pool is a node group; Karpenter starts the others' nodes.
    // Under Auto Mode none is: EKS starts every node and runs the core add-ons and load balancing itself.
    const autoMode = planned.nodes === 'auto';
    const nodeGroups = managedNodePools(this, this.cluster, managedGroupPools(planned), env);
    if (planned.nodes === 'karpenter') karpenterNodes(this, this.cluster, model, env);
    // Secrets reach pods through External Secrets (its own role) or the CSI driver (the pod's role).
    const mountsSecrets = planned.secrets === 'secrets-store-csi';
    clusterAddons(
      this,
      this.cluster,
      nodeGroups,
      planned.addons,
      mountsSecrets ? [SECRETS_STORE_CSI_ADDON] : [],
      autoMode ? AUTO_MODE_BUILT_IN_ADDONS : [],
    );
    servicePodIdentities(this, this.cluster, model, env, where, { mountsSecrets });
    if (!autoMode) loadBalancerControllerIdentity(this, this.cluster, model, env);
    if (!mountsSecrets) externalSecretsIdentity(this, this.cluster, model, env, where);

    planned.admins.forEach((roleArn, i) => {
      new eks.AccessEntry(this, `Admin${i + 1}`, {
        cluster: this.cluster,
        principal: roleArn,
        accessPolicies: [
          eks.AccessPolicy.fromAccessPolicyName('AmazonEKSClusterAdminPolicy', {
            accessScopeType: eks.AccessScopeType.CLUSTER,
          }),
        ],
      });
    });
    developerAccess(this, this.cluster, model, planned, path);

    // The private endpoint answers clients in the VPC (nodes, in-VPC tooling); nothing outside it.
    this.cluster.connections.allowFrom(
      ec2.Peer.ipv4(env.network.cidr),
      ec2.Port.tcp(443),
      'Kubernetes API from inside the VPC',
    );
    dataIngress(this, this.cluster.clusterSecurityGroupId, env, where);
    // The database provisioner runs as a one-off ECS task, on EKS environments too.
    if (env.databases.length > 0) provisionerCluster(this, vpc, where);
    // The runtime layer's alarm topic, as on ECS: the environment's alarms notify it and its routes.
    environmentAlarmTopic(this, where, env);
  }
}

/** Cluster findings that follow from a setting of the config, each with that setting's reason. */
function acknowledgeClusterChoices(
  cluster: eks.Cluster,
  planned: EksClusterModel,
  env: EnvironmentModel,
): void {
  if (planned.publicEndpointCidrs.length > 0) {
    acknowledge(
      cluster,
      'CT.EKS.PR.1',
      `The API endpoint is public for ${planned.publicEndpointCidrs.join(', ')} only ` +
        `(environments.${env.name}.eks.publicEndpointCidrs), so admins and CI reach it without a VPN; ` +
        'every other address is refused before authentication. An empty list keeps it private to the VPC.',
    );
  }
  if (env.encryption === 'aws-managed') {
    acknowledge(
      cluster,
      'CT.EKS.PR.2',
      `${env.name} uses AWS-managed encryption: EKS envelope-encrypts every Kubernetes API object, secrets ` +
        `included, with a key of its own. Set environments.${env.name}.encryption to 'customer-managed' ` +
        "to encrypt secrets with the environment's data key instead.",
    );
  }
  const role = cluster.role;
  acknowledge(
    role,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy]',
    'EKS requires this AWS managed policy on the cluster role and keeps it current with new EKS features.',
  );
}

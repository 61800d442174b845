import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { ServiceModel } from '../../../model/types.js';
import { ModelError } from '../../shared/model-error.js';

/** ALB limits: three values per condition, five per rule. */
const MAX_VALUES_PER_CONDITION = 3;
const MAX_VALUES_PER_RULE = 5;

export interface ServiceRoutingProps {
  /** The public service being routed to. */
  readonly model: ServiceModel;
  /** Model path of the service, for error messages. */
  readonly path: string;
  /** Listener rule priority; lower numbers are matched first. */
  readonly priority: number;
  readonly vpc: ec2.IVpc;
  /** The environment's shared listener. */
  readonly listener: elbv2.IApplicationListener;
  readonly service: ecs.FargateService;
  /** The container traffic goes to. */
  readonly containerName: string;
  /** Add the alternate target group ECS shifts traffic to (canary, linear, blue-green). */
  readonly alternateTarget: boolean;
}

/**
 * A public service's place on the shared load balancer: a target group (two for the traffic-shifting
 * strategies) and one listener rule on its paths, limited to `allowedCidrs` when given.
 */
export class ServiceRouting extends Construct {
  /** The target group ECS registers tasks in first. */
  readonly primary: elbv2.ApplicationTargetGroup;
  /** Every target group of the service; the alarms watch them all, since ECS swaps their roles. */
  readonly targetGroups: readonly elbv2.ApplicationTargetGroup[];
  readonly rule: elbv2.ApplicationListenerRule;

  constructor(scope: Construct, id: string, props: ServiceRoutingProps) {
    super(scope, id);
    const { model } = props;
    const conditions = ruleConditions(model, props.path);

    this.primary = this.targetGroup('TargetGroup', props);
    const alternate = props.alternateTarget ? this.targetGroup('AlternateTargetGroup', props) : undefined;
    this.targetGroups = alternate ? [this.primary, alternate] : [this.primary];

    this.rule = new elbv2.ApplicationListenerRule(this, 'Rule', {
      listener: props.listener,
      priority: props.priority,
      conditions,
      // ECS moves the weights during a deployment; it starts with everything on the primary.
      action: alternate
        ? elbv2.ListenerAction.weightedForward([
            { targetGroup: this.primary, weight: 100 },
            { targetGroup: alternate, weight: 0 },
          ])
        : elbv2.ListenerAction.forward([this.primary]),
    });

    const target = props.service.loadBalancerTarget({
      containerName: props.containerName,
      containerPort: model.port,
      alternateTarget: alternate
        ? new ecs.AlternateTarget('AlternateTarget', {
            alternateTargetGroup: alternate,
            productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(this.rule),
            role: this.trafficShiftRole(),
          })
        : undefined,
    });
    target.attachToApplicationTargetGroup(this.primary);
  }

  private targetGroup(id: string, props: ServiceRoutingProps): elbv2.ApplicationTargetGroup {
    return new elbv2.ApplicationTargetGroup(this, id, {
      vpc: props.vpc,
      port: props.model.port,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      healthCheck: {
        path: props.model.healthPath,
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
      // Draining never outlasts the time the app is given to finish after SIGTERM (SECURITY.md 24).
      deregistrationDelay: Duration.seconds(props.model.stopTimeoutSeconds),
      // Apps that keep sessions in memory (pgAdmin) break when requests alternate between tasks.
      ...(props.model.stickySessions ? { stickinessCookieDuration: Duration.hours(1) } : {}),
    });
  }

  /** The role ECS uses to move listener-rule weights during a traffic-shifting deployment. */
  private trafficShiftRole(): iam.Role {
    const role = new iam.Role(this, 'TrafficShiftRole', {
      assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
      description: "ECS shifts traffic between this service's target groups",
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonECSInfrastructureRolePolicyForLoadBalancers'),
      ],
    });
    acknowledge(
      role,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers]',
      'AWS maintains this policy for exactly this role (ECS modifying listener rules during native ' +
        'blue/green, canary and linear deployments) and extends it as the feature grows.',
    );
    return role;
  }
}

/** Path patterns, plus the caller's address when the service is limited to some CIDRs. */
function ruleConditions(model: ServiceModel, path: string): elbv2.ListenerCondition[] {
  if (model.paths.length === 0 || model.paths.length > MAX_VALUES_PER_CONDITION) {
    throw new ModelError(
      `${path}.paths`,
      `a public service needs 1 to ${MAX_VALUES_PER_CONDITION} path patterns (an ALB rule limit), got ${model.paths.length}`,
      "Use wildcards to cover more, e.g. ['/api/*'].",
    );
  }
  if (model.allowedCidrs.length > MAX_VALUES_PER_CONDITION) {
    throw new ModelError(
      `${path}.allowedCidrs`,
      `an ALB rule takes at most ${MAX_VALUES_PER_CONDITION} source CIDRs, got ${model.allowedCidrs.length}`,
      'Merge them into wider blocks.',
    );
  }
  if (model.paths.length + model.allowedCidrs.length > MAX_VALUES_PER_RULE) {
    throw new ModelError(
      path,
      `paths and allowedCidrs together give ${model.paths.length + model.allowedCidrs.length} values; an ALB rule takes ${MAX_VALUES_PER_RULE}`,
      'Use fewer path patterns or merge the CIDRs.',
    );
  }
  const conditions = [elbv2.ListenerCondition.pathPatterns([...model.paths])];
  if (model.allowedCidrs.length > 0) {
    conditions.push(elbv2.ListenerCondition.sourceIps([...model.allowedCidrs]));
  }
  return conditions;
}

/**
 * What a deploy to the local emulator proves and what it cannot: said in the output of every
 * local deploy, so nobody mistakes "deployed locally" for "runs".
 */
export const EMULATOR_LIMITS: readonly string[] = [
  'no containers run: ECS services are recorded with their settings, tasks never start',
  'no database engine: the RDS instance is recorded, nothing answers on its endpoint',
  'no traffic: the load balancer, listener rules and DNS names exist but serve nothing',
  'alarms, scaling and deployment strategies are stored, never evaluated',
];

/** Said beside the others when the environment runs on EKS. */
export const EKS_EMULATOR_LIMIT =
  'no Kubernetes: the EKS cluster, node groups and add-ons are recorded, no API server answers and nothing syncs the GitOps folder';

/** The limits that apply to an environment with this runtime. */
export function emulatorLimitsFor(runtime: 'ecs' | 'eks' | undefined): readonly string[] {
  return runtime === 'eks' ? [...EMULATOR_LIMITS, EKS_EMULATOR_LIMIT] : EMULATOR_LIMITS;
}

/** The one account moto serves; every account in the model maps to it on the local target. */
export const LOCAL_ACCOUNT = '123456789012';

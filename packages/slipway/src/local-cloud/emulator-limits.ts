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

/** The one account moto serves; every account in the model maps to it on the local target. */
export const LOCAL_ACCOUNT = '123456789012';

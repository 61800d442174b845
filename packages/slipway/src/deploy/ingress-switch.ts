import path from 'node:path';
import { type Ingress, INGRESS_NAMES, INGRESS_RESOURCE_TYPES } from '../model/ingress.js';
import type { AppModel, EnvironmentModel } from '../model/types.js';
import type { CfnTemplate } from '../template/types.js';
import type { PlannedStack } from './assembly.js';
import { synthesizeApp } from './assembly.js';
import { withEndpoint } from './connection.js';
import type { Session } from './session.js';

/**
 * Switching an environment between the load balancer and the HTTP API (decision 030). Deployed in
 * the usual order, the runtime stack would take the old ingress away while the public services'
 * stacks still hold on to it: a listener rule and a security-group rule naming the load balancer's
 * group (EC2 refuses to delete a group another group's rule names), or routes through the VPC link
 * (API Gateway refuses to delete a link integrations use). And each public service's Cloud Map
 * service changes record types (A for the load balancer, A and SRV for the HTTP API), which Cloud
 * Map makes only by deleting the service and creating it again (decision 028).
 *
 * So the switch goes in three steps: each deployed public service is first detached (no listener
 * rule, target group, routes or Cloud Map service), then the runtime stack swaps the ingress, then
 * the services attach to the new one as usual. The services are unreachable from the first step
 * to the last; the discovery guard has already made the user allow their private names going dark.
 */

/** The ingress a deployed runtime stack holds, read from its template; undefined when none. */
export function deployedIngress(template: CfnTemplate | undefined): Ingress | undefined {
  const types = new Set(Object.values(template?.Resources ?? {}).map((resource) => resource.Type));
  return (Object.keys(INGRESS_RESOURCE_TYPES) as Ingress[]).find((ingress) =>
    types.has(INGRESS_RESOURCE_TYPES[ingress]),
  );
}

export interface IngressSwitch {
  readonly from: Ingress;
  readonly to: Ingress;
}

/**
 * The switch deploying `env` makes, given its deployed runtime template; undefined when it makes
 * none (nothing deployed yet, no public service, the same ingress, or EKS, whose load balancer the
 * cluster's controller owns).
 */
export function ingressSwitchOf(
  env: Pick<EnvironmentModel, 'runtime' | 'ingress' | 'services'>,
  deployedRuntime: CfnTemplate | undefined,
): IngressSwitch | undefined {
  if (env.runtime === 'eks' || !env.services.some((service) => service.public)) return undefined;
  const from = deployedIngress(deployedRuntime);
  return from === undefined || from === env.ingress ? undefined : { from, to: env.ingress };
}

/** The model with `envName`'s public services detached from any ingress: the switch's first step. */
export function detachedModel(model: AppModel, envName: string): AppModel {
  return {
    ...model,
    environments: model.environments.map((env) =>
      env.name === envName ? { ...env, detachedFromIngress: true } : env,
    ),
  };
}

/** The service stacks the first step redeploys: deployed ones of public services, in plan order. */
export function stacksToDetach(
  env: Pick<EnvironmentModel, 'services' | 'stackNames'>,
  planned: readonly PlannedStack[],
  isDeployed: (stackName: string) => boolean,
): PlannedStack[] {
  const publicStacks = new Set(
    env.services.filter((service) => service.public).map((service) => env.stackNames.services[service.name]),
  );
  return planned.filter(
    (stack) => stack.kind === 'service' && publicStacks.has(stack.name) && isDeployed(stack.name),
  );
}

/** `the load balancer`, `the HTTP API`. */
const the = (ingress: Ingress) => `the ${INGRESS_NAMES[ingress]}`;

/** Why the deploy changes every public service's private name, said before the guard speaks. */
export function switchCause(envName: string, change: IngressSwitch): string {
  return (
    `${envName} is deployed on ${the(change.from)} and the config puts it on ${the(change.to)}: ` +
    "each public service's Cloud Map service is made again with the other ingress's record types (decision 030)"
  );
}

/** One sentence for the deploy's output, before the first step. */
export function describeSwitch(envName: string, change: IngressSwitch, services: number): string {
  return (
    `switching ${envName} from ${the(change.from)} to ${the(change.to)}: ` +
    `detaching ${services} public service${services === 1 ? '' : 's'} first, then the runtime stack swaps ` +
    'the ingress and the services attach to the new one (they answer nobody until then)'
  );
}

/**
 * Synthesizes the detached app into its own folder beside the deploy's, runs `work` with it, and
 * disposes of it. Checks are not run: these templates live for one step of a deploy whose final
 * templates were checked.
 */
export async function withDetachedApp<T>(
  session: Session,
  work: (app: Awaited<ReturnType<typeof synthesizeApp>>) => Promise<T>,
): Promise<T> {
  const outdir = path.join(session.stateDir, 'assembly', `${session.environment.name}-detached`);
  const app = await withEndpoint(session.connection, () =>
    synthesizeApp(session.toolkit, detachedModel(session.model, session.environment.name), outdir),
  );
  try {
    return await work(app);
  } finally {
    await app.assembly.dispose();
  }
}

/**
 * Which stacks Slipway makes for a model and the region each goes to, the way `stacks/build-app.ts`
 * lays them out, so the config can be checked against what each region offers before any synth.
 * A test compares this list with the stacks the app actually builds.
 */
import type { StackLayer } from '../data/aws-tables.generated.js';
import { needsDataStack } from '../../model/data-layer.js';
import { EDGE_REGION } from '../../model/edge.js';
import type { Ingress } from '../../model/ingress.js';
import type { AppModel } from '../../model/types.js';

export interface StackPlacement {
  readonly layer: StackLayer;
  readonly region: string;
  /** The environment the stack belongs to; undefined for the CI and pipeline stacks. */
  readonly environment?: string;
  /** How a message names the stack: its name, or what it is when the name is not known yet. */
  readonly label: string;
  /** The environment's ingress, for the stacks that build or join it (runtime, service, preview). */
  readonly ingress?: Ingress;
}

/** Every stack of the model with its region: the CI stack, each environment's, previews, pipelines. */
export function stackPlacements(model: AppModel): StackPlacement[] {
  const ci = model.ci.region;
  const codepipeline = model.delivery?.pipeline === 'codepipeline';
  const placements: StackPlacement[] = [{ layer: 'ci', region: ci, label: model.ci.stackName }];
  for (const env of model.environments) {
    const at = (layer: StackLayer, label: string): StackPlacement => ({
      layer,
      region: env.region,
      environment: env.name,
      label,
    });
    placements.push(at('network', env.stackNames.network));
    if (needsDataStack(env)) placements.push(at('data', env.stackNames.data));
    if (env.runtime === 'eks') {
      // The cluster stack; services are Kubernetes objects, not stacks.
      placements.push(at('cluster', env.stackNames.runtime));
      if (env.stackNames.monitoring !== undefined)
        placements.push(at('monitoring', env.stackNames.monitoring));
      continue;
    }
    const joining = (layer: StackLayer, label: string): StackPlacement => ({
      ...at(layer, label),
      ingress: env.ingress,
    });
    placements.push(joining('runtime', env.stackNames.runtime));
    if (env.stackNames.edge !== undefined) {
      // CloudFront's web ACL, certificate and log delivery source must be in us-east-1.
      placements.push({
        layer: 'edge',
        region: EDGE_REGION,
        environment: env.name,
        label: env.stackNames.edge,
      });
    }
    if (env.stackNames.functions !== undefined) placements.push(at('functions', env.stackNames.functions));
    for (const service of env.services) {
      placements.push(joining('service', env.stackNames.services[service.name] ?? service.name));
    }
    if (env.stackNames.monitoring !== undefined) placements.push(at('monitoring', env.stackNames.monitoring));
    if (model.delivery?.preview?.environment === env.name) {
      placements.push(joining('preview', `the preview stacks of '${env.name}'`));
    }
    // An environment outside the CI account or region gets a target stack for its pipelines.
    if (codepipeline && (env.account !== model.ci.account || env.region !== ci)) {
      placements.push(at('pipeline-target', `the pipeline-target stack and deploy actions of '${env.name}'`));
    }
  }
  if (codepipeline) placements.push({ layer: 'pipeline', region: ci, label: 'the pipeline stack' });
  return placements;
}

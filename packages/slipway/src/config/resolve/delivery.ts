import path from 'node:path';
import type { DeliveryModel, EnvironmentModel, PreviewModel, ServiceBuildModel } from '../../model/types.js';
import type { DeliveryConfig, SourceConfig } from '../schema.js';
import { DELIVERY_DEFAULTS } from './defaults.js';
import { isPinnedTag } from './image-tags.js';
import { previewEnvironmentOf } from './preview-environment.js';

/**
 * How changes reach the environments: which pipeline rolls services out, where previews go and
 * where each image is built from. Builds follow the first environment's services, because every
 * environment runs the same set and the first one runs what the main branch just built.
 */
export function resolveDelivery(
  delivery: DeliveryConfig | undefined,
  sources: Readonly<Record<string, SourceConfig | undefined>>,
  environments: readonly EnvironmentModel[],
): DeliveryModel {
  const preview = resolvePreview(delivery, environments);
  return {
    ci: delivery?.ci ?? DELIVERY_DEFAULTS.ci,
    pipeline: delivery?.pipeline ?? DELIVERY_DEFAULTS.pipeline,
    ...(preview === undefined ? {} : { preview }),
    nodeVersion: delivery?.nodeVersion ?? DELIVERY_DEFAULTS.nodeVersion,
    deployConcurrency: delivery?.deployConcurrency ?? DELIVERY_DEFAULTS.deployConcurrency,
    commands: {
      install: delivery?.commands?.install ?? DELIVERY_DEFAULTS.commands.install,
      lint: delivery?.commands?.lint ?? DELIVERY_DEFAULTS.commands.lint,
      test: delivery?.commands?.test ?? DELIVERY_DEFAULTS.commands.test,
    },
    costAlert:
      delivery?.costAlert === false
        ? false
        : {
            monthlyUsd: delivery?.costAlert?.monthlyUsd ?? DELIVERY_DEFAULTS.costAlert.monthlyUsd,
            percent: delivery?.costAlert?.percent ?? DELIVERY_DEFAULTS.costAlert.percent,
          },
    builds: (environments[0]?.services ?? []).map((service): ServiceBuildModel => {
      const source = sources[service.name];
      const context = trimSlashes(source?.context ?? `${DELIVERY_DEFAULTS.sourceRoot}/${service.name}`);
      const dockerfile = source?.dockerfile ?? DELIVERY_DEFAULTS.dockerfile;
      const dockerfilePath = context === '.' ? dockerfile : `${context}/${dockerfile}`;
      // A monorepo builds from the root (one lockfile) with the Dockerfile in the service's folder:
      // then that folder, not the whole repository, is what rebuilds the service.
      const watched = context === '.' ? path.posix.dirname(dockerfilePath) : context;
      return {
        service: service.name,
        repository: service.image.repository,
        context,
        dockerfile: dockerfilePath,
        watch: [watched, ...(source?.watch ?? []).map(trimSlashes)],
        ...(isPinnedTag(service.image.tag) ? {} : { movingTag: service.image.tag }),
      };
    }),
  };
}

function resolvePreview(
  delivery: DeliveryConfig | undefined,
  environments: readonly EnvironmentModel[],
): PreviewModel | undefined {
  const environment = previewEnvironmentOf(delivery, environments);
  if (environment === undefined) return undefined;
  return {
    branches: [...(delivery?.previewBranches ?? DELIVERY_DEFAULTS.previewBranches)],
    environment,
    githubEnvironment: DELIVERY_DEFAULTS.previewGithubEnvironment,
    maxAgeDays: delivery?.previewMaxAgeDays ?? DELIVERY_DEFAULTS.previewMaxAgeDays,
  };
}

/** `./apps/web/` → `apps/web`; the repository root stays `.`. */
function trimSlashes(path: string): string {
  const trimmed = path.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

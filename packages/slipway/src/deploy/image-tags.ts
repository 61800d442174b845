import { checkImageTag } from '../config/validate/image-tag.js';
import type { AppModel } from '../model/types.js';
import { DeployUsageError } from './errors.js';

/** One `--image-tag` value: a tag for one service, or for every service when `service` is absent. */
export interface ImageTagOverride {
  readonly service?: string;
  readonly tag: string;
}

/** `web=abc123` → `{service: 'web', tag: 'abc123'}`; `abc123` → `{tag: 'abc123'}`. */
export function parseImageTag(value: string): ImageTagOverride {
  const at = value.indexOf('=');
  if (at === -1) return { tag: value };
  const service = value.slice(0, at);
  const tag = value.slice(at + 1);
  if (!service || !tag) {
    throw new DeployUsageError(
      `--image-tag ${value}: expected <tag> or <service>=<tag>. Fix: e.g. --image-tag web=1f2e3d4 or --image-tag 1f2e3d4 for every service.`,
    );
  }
  return { service, tag };
}

/**
 * The environment's services with their image tags replaced: a bare tag applies to every service,
 * `service=tag` to one, and the per-service form wins over the bare one whatever the order. The
 * model's tags stay for services no override names.
 */
export function applyImageTags(
  model: AppModel,
  envName: string,
  overrides: readonly ImageTagOverride[],
): AppModel {
  if (overrides.length === 0) return model;
  const env = model.environments.find((e) => e.name === envName);
  if (!env) return model;
  const known = env.services.map((s) => s.name);
  for (const override of overrides) {
    if (override.service !== undefined && !known.includes(override.service)) {
      throw new DeployUsageError(
        `--image-tag ${override.service}=${override.tag}: ${envName} has no service '${override.service}'. ` +
          `Fix: use one of ${known.join(', ')}.`,
      );
    }
    const problems = checkImageTag('--image-tag', override.tag);
    if (problems[0]) {
      throw new DeployUsageError(`--image-tag: ${problems[0].message}. Fix: ${problems[0].fix}.`);
    }
  }
  const everywhere = overrides.filter((o) => o.service === undefined).at(-1)?.tag;
  const tagFor = (service: string) =>
    overrides.filter((o) => o.service === service).at(-1)?.tag ?? everywhere;
  return {
    ...model,
    environments: model.environments.map((e) =>
      e.name !== envName
        ? e
        : {
            ...e,
            services: e.services.map((s) => {
              const tag = tagFor(s.name);
              return tag ? { ...s, image: { ...s.image, tag } } : s;
            }),
          },
    ),
  };
}

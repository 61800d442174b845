import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { isAllowedIngressAnnotation } from '../../src/kubernetes/ingress-annotations.js';
import { ManifestError } from '../../src/kubernetes/manifest-error.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import type { KubernetesManifest } from '../../src/kubernetes/manifest.js';
import { manifestList, serviceManifests } from '../../src/kubernetes/service-manifests.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import { validConfig } from '../generated/config-arbitraries.js';
import { drawSettings } from '../generated/draw-settings.js';
import { acceptedRegions } from '../generated/region-choices.js';
import { manifestOptions } from './manifest-options.js';

/**
 * Models nobody hand-wrote: every service of a drawn config either gets manifests that pass both
 * validation passes, or a ManifestError naming one of the two things EKS cannot take from an ECS
 * config (a user name instead of a uid, scaling on requests alone).
 */
describe('every drawn model', () => {
  it('gives every service manifests that both passes accept', () => {
    let built = 0;
    fc.assert(
      fc.property(validConfig({ regions: acceptedRegions() }), (config) => {
        const model = resolveConfig(config);
        const manifests: KubernetesManifest[] = [];
        for (const env of model.environments) {
          for (const service of env.services) {
            try {
              manifests.push(
                ...manifestList(serviceManifests(env, service, manifestOptions(model, env, service))),
              );
              built += 1;
            } catch (error) {
              if (!(error instanceof ManifestError)) throw error;
              expect(error.path).toMatch(/\.(user|scaling)$/);
            }
          }
        }
        expect(validateManifests(manifests).map(renderFinding)).toEqual([]);
        for (const manifest of manifests.filter((m) => m.kind === 'Ingress')) {
          const annotations = (manifest.toJSON() as { metadata: { annotations: object } }).metadata
            .annotations;
          expect(Object.keys(annotations).filter((key) => !isAllowedIngressAnnotation(key))).toEqual([]);
        }
      }),
      drawSettings(25),
    );
    // Most drawn services are expressible; a run that refused them all would prove nothing.
    expect(built).toBeGreaterThan(25);
  }, 300_000);
});

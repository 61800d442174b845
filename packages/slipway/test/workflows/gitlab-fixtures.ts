import type { SlipwayConfig } from '../../src/config/schema.js';
import { validConfig } from '../config/fixtures.js';

/** The small valid config, delivered by GitLab CI from `acme/orders` on gitlab.com. */
export function gitlabConfig(): SlipwayConfig {
  const { github: _github, ...rest } = validConfig();
  return {
    ...rest,
    gitlab: { project: 'acme/orders' },
    delivery: { ci: 'gitlab' },
  };
}

/**
 * The same, with previews per merge request for `feat/*` and `fix/*` branches, copying dev, and
 * the CI stack in an account of its own, as GitLab previews require (decision 023).
 */
export function gitlabPreviewConfig(): SlipwayConfig {
  const config = gitlabConfig();
  return {
    ...config,
    ci: { account: '333333333333', region: 'us-east-1' },
    delivery: { ci: 'gitlab', previewBranches: ['feat/*', 'fix/*'], previewMaxAgeDays: 5 },
  };
}

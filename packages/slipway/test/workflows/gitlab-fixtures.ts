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

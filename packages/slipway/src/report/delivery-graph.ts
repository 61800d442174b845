import type { AppModel } from '../model/types.js';
import { ciHostOf } from '../model/ci-host.js';
import { githubDeliveryDiagram } from './delivery/github-graph.js';
import { gitlabDeliveryDiagram } from './delivery/gitlab-graph.js';
import type { Diagram } from './diagram/types.js';

/**
 * The CI the config generates, drawn as a graph of its jobs: GitHub Actions' workflows, or
 * GitLab's one pipeline by stage. Read from the generated files themselves, parsed back, so the
 * drawing cannot disagree with what `slipway workflows` writes. `configPath` is the config as the
 * workflows name it, relative to the repository root.
 */
export function deliveryDiagram(model: AppModel, configPath: string): Diagram {
  return ciHostOf(model) === 'gitlab'
    ? gitlabDeliveryDiagram(model, configPath)
    : githubDeliveryDiagram(model, configPath);
}

// Preview environments: a branch's copy of the services inside the environment previews copy.
export { type DeployedPreview, listDeployedPreviews, listPreviews } from './list-previews.js';
export { estimatePreviewCost, previewHourlyCost } from './preview-cost.js';
export { type PreviewDownOptions, type PreviewDownResult, previewDown } from './preview-down.js';
export { planPreview, type PreviewPlan, previewSource } from './preview-plan.js';
export {
  parseDuration,
  type PreviewPruneOptions,
  type PreviewPruneResult,
  prunePreviews,
} from './preview-prune.js';
export { type PreviewUpOptions, type PreviewUpResult, previewUp } from './preview-up.js';
export { PreviewError } from './errors.js';

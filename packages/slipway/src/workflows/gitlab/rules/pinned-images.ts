import { jobsOfPipeline } from '../pipeline-types.js';
import type { GitlabRule } from './types.js';

const PINNED = /^[^\s@]+@sha256:[0-9a-f]{64}$/;

function nameOf(image: unknown): string {
  if (typeof image === 'string') return image;
  if (typeof image === 'object' && image !== null && 'name' in image) return String(image.name);
  return String(image);
}

/**
 * A moved tag cannot change what runs: every image and service a job starts is pinned to a
 * digest (the container equivalent of Slipway-GHA1), from `src/config/data/ci-images.ts`.
 */
export const pinnedImages: GitlabRule = {
  id: 'Slipway-GLCI1',
  description: 'Every image and service is pinned to a sha256 digest.',
  check(file) {
    const defaults = file.document.default as { image?: unknown } | undefined;
    const found: { job?: string; image: string }[] = [];
    for (const image of [file.document.image, defaults?.image].filter((i) => i !== undefined)) {
      found.push({ image: nameOf(image) });
    }
    for (const [id, job] of jobsOfPipeline(file.document)) {
      const raw = job as { image?: unknown; services?: unknown[] };
      if (raw.image !== undefined) found.push({ job: id, image: nameOf(raw.image) });
      for (const service of raw.services ?? []) found.push({ job: id, image: nameOf(service) });
    }
    return found
      .filter(({ image }) => !PINNED.test(image))
      .map(({ job, image }) => ({
        ...(job === undefined ? {} : { job }),
        message: `image '${image}' is not pinned to a digest`,
        fix: 'write name:tag@sha256:<64 hex> (Slipway takes them from src/config/data/ci-images.ts)',
      }));
  },
};

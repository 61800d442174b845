/**
 * Every container image the generated `.gitlab-ci.yml` runs, pinned to the digest of its
 * multi-architecture index (the image equivalent of `actions.ts`): a moved tag cannot change what
 * runs. Bump `tag` and `digest` together and say in `found` how the digest was matched to the tag,
 * since the build cannot reach the registry.
 */
export interface PinnedImage {
  /** `name:tag` as published. */
  readonly tag: string;
  /** `sha256:` digest of the tag's image index. */
  readonly digest: string;
  /** How the digest was matched to the tag. */
  readonly found: string;
}

/** `name:tag@sha256:…`: what a job's `image:` says. */
export function imageRef(image: PinnedImage): string {
  return `${image.tag}@${image.digest}`;
}

/** Node.js images for the jobs that run Slipway, by `delivery.nodeVersion`. */
export const GITLAB_NODE_IMAGES: Readonly<Record<string, PinnedImage>> = {
  '22': {
    tag: 'node:22-bookworm-slim',
    digest: 'sha256:43ac6c60b8f89723f746e8a92ce91abd5017e627ce1ddfe4238355d3a30b772c',
    found: 'pinned as node:22-bookworm-slim in several public Dockerfiles and Compose files',
  },
};

/** Docker with Buildx, as the build jobs' image and their Docker-in-Docker service. */
export const DOCKER_IMAGE: PinnedImage = {
  tag: 'docker:28-dind',
  digest: 'sha256:2a232a42256f70d78e3cc5d2b5d6b3276710a0de0596c145f627ecfae90282ac',
  found: 'pinned as docker:28-dind in several public projects, one noting it is the multi-arch index',
};

/** QEMU's binfmt handlers, so an amd64 runner builds arm64 images too. */
export const BINFMT_IMAGE: PinnedImage = {
  tag: 'tonistiigi/binfmt:qemu-v9.2.2',
  digest: 'sha256:1b804311fe87047a4c96d38b4b3ef6f62fca8cd125265917a9e3dc3c996c39e6',
  found: 'pinned as qemu-v9.2.2 in two public build scripts',
};

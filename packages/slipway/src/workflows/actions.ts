/**
 * Every third-party action the generated workflows use, pinned to a full commit SHA (SECURITY.md
 * 15: a moved tag cannot change what runs; see tj-actions/changed-files, CVE-2025-30066). This is
 * the one place a version changes: bump `version` and `sha` together, and say in `found` how the
 * SHA was checked, because it cannot be looked up from inside the build.
 */
export interface PinnedAction {
  /** `owner/repository` as written before the `@`. */
  readonly name: string;
  /** The release tag the SHA belongs to, written as the `# v…` comment after the pin. */
  readonly version: string;
  /** Full 40-character commit SHA the release tag points to. */
  readonly sha: string;
  /** How the SHA was matched to the tag. */
  readonly found: string;
}

export const ACTIONS = {
  checkout: {
    name: 'actions/checkout',
    version: 'v5.0.0',
    sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8',
    found: "Dependabot release notes list 08c6903 as 'Prepare v5.0.0 release' (#2238)",
  },
  setupNode: {
    name: 'actions/setup-node',
    version: 'v4.4.0',
    sha: '49933ea5288caeca8642d1e84afbd3f7d6820020',
    found: 'pinned as v4.4.0 in many public workflows; one records `git ls-remote` of the v4.4.0 tag',
  },
  configureAwsCredentials: {
    name: 'aws-actions/configure-aws-credentials',
    version: 'v5.0.0',
    sha: 'a03048d87541d1d9fcf2ecf528a4a65ba9bd7838',
    found: "Dependabot release notes list a03048d as 'chore(main): release 5.0.0'",
  },
  ecrLogin: {
    name: 'aws-actions/amazon-ecr-login',
    version: 'v2.0.1',
    sha: '062b18b96a7aff071d4dc91bc00c4c1a7945b076',
    found: 'pinned as v2.0.1 in many public workflows; one links the v2.0.1 release page to this commit',
  },
  setupQemu: {
    name: 'docker/setup-qemu-action',
    version: 'v3.6.0',
    sha: '29109295f81e9208d7d86ff1c6c12d2833863392',
    found: 'pinned as v3.6.0 in many public workflows (Renovate/ratchet comments agree)',
  },
  setupBuildx: {
    name: 'docker/setup-buildx-action',
    version: 'v3.11.1',
    sha: 'e468171a9de216ec08956ac3ada2f0791b6bd435',
    found: 'Dependabot commit list (merge of #429, the v3.11.1 fix) and many v3.11.1 pins',
  },
  buildPush: {
    name: 'docker/build-push-action',
    version: 'v6.18.0',
    sha: '263435318d21b8e681c14492fe198d362a7d2c83',
    found: 'pinned as v6.18.0 in many public workflows, and in Dependabot diffs bumping from v6.18.0',
  },
  uploadArtifact: {
    name: 'actions/upload-artifact',
    version: 'v4.6.2',
    sha: 'ea165f8d65b6e75b540449e92b4886f43607fa02',
    found:
      'pinned with a `# v4.6.2` comment in many public workflows, and listed as v4.6.2 in a public pin table',
  },
} as const satisfies Record<string, PinnedAction>;

export type ActionKey = keyof typeof ACTIONS;

/** `owner/repo@sha`: what a step's `uses:` says; the version comment is added when rendering. */
export function uses(key: ActionKey): string {
  const action = ACTIONS[key];
  return `${action.name}@${action.sha}`;
}

/** The pinned action a `uses:` value names, if it is one of ours. */
export function pinnedActionFor(reference: string): PinnedAction | undefined {
  return Object.values(ACTIONS).find((action) => reference === `${action.name}@${action.sha}`);
}

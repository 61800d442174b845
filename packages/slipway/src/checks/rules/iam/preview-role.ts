/**
 * The tag the CI stack puts on the roles it makes for GitLab previews. Slipway-IAM5 admits a
 * branch-prefix wildcard in a trust policy only on a role carrying it (decision 023), and only for
 * a declared `delivery.previewBranches` pattern, so the tag alone widens nothing.
 */
export const PREVIEW_ROLE_TAG = { key: 'slipway:ci-role', value: 'preview' } as const;

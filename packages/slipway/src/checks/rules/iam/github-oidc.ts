/** GitHub Actions' OIDC issuer, as it appears in provider URLs and condition keys. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;
export const STS_AUDIENCE = 'sts.amazonaws.com';

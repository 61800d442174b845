/** `<app>-<env>`: fixed, so the GitOps side (the ALB controller, Argo CD) names it without tokens. */
export function eksClusterName(app: string, env: string): string {
  return `${app}-${env}`;
}

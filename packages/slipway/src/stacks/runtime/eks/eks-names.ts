/** `<app>-<env>`: fixed, so the GitOps side (the ALB controller, Argo CD) names it without tokens. */
export function eksClusterName(app: string, env: string): string {
  return `${app}-${env}`;
}

/** The namespace an app's services run in on its cluster: one per app, named after it. */
export function appNamespace(app: string): string {
  return app;
}

/** A service's Kubernetes service account, which its Pod Identity association names. */
export function serviceAccountName(service: string): string {
  return service;
}

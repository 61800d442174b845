import type { EksClusterModel } from '../../src/model/eks.js';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../src/model/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { clusterModel } from '../fixtures/eks-cluster.js';

/** Two pools as a small cluster has them: untainted on-demand for the system, tainted Spot for work. */
export const CLUSTER: EksClusterModel = clusterModel();

/**
 * The megadolls dev environment on EKS with two services: `web`, public, on Spot, with the
 * database (and a read replica), a cache and two secrets (SSM and Secrets Manager), and `worker`,
 * internal and on-demand, with none of them.
 */
export function eksModel(cluster: EksClusterModel = CLUSTER): { model: AppModel; env: EnvironmentModel } {
  const base = megadollsLikeModel();
  const dev = base.environments.find((e) => e.name === 'dev')!;
  const web = dev.services.find((s) => s.name === 'web')!;
  const worker = dev.services.find((s) => s.name === 'worker')!;
  const services: ServiceModel[] = [
    {
      ...web,
      image: { repository: 'megadolls/web', tag: 'v1.4.2' },
      cache: 'sessions',
      secrets: { DJANGO_SECRET_KEY: 'django-secret-key', PGADMIN_PASSWORD: 'pgadmin-password' },
    },
    {
      ...worker,
      image: { repository: 'megadolls/web', tag: 'v1.4.2' },
      capacity: 'on-demand',
      database: undefined,
      secrets: {},
    } as ServiceModel,
  ];
  const env: EnvironmentModel = {
    ...dev,
    runtime: 'eks',
    eks: cluster,
    databases: dev.databases.map((d) => ({ ...d, readReplicas: 1 })),
    caches: [
      {
        name: 'sessions',
        nodeType: 'cache.t4g.micro',
        engineVersion: '8.0',
        nodes: 1,
        snapshotRetentionDays: 0,
      },
    ],
    services,
    stackNames: { ...dev.stackNames, services: {} },
  };
  return { model: { ...base, environments: [env] }, env };
}

export const FOLDER_OPTIONS = {
  vpcTags: { Name: 'megadolls-dev' },
  repoUrl: 'https://github.com/megadolls/megadolls.git',
  revision: 'main',
  gitopsPath: 'gitops',
} as const;

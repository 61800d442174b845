import {
  ACMClient,
  ImportCertificateCommand,
  ListCertificatesCommand,
  ListTagsForCertificateCommand,
} from '@aws-sdk/client-acm';
import { generate } from 'selfsigned';
import type { AppModel } from '../model/types.js';
import { LOCAL_CREDENTIALS } from './connection.js';

/** The configured certificate of an environment and the emulator's certificate used in its place. */
export interface CertificateStandIn {
  readonly environment: string;
  readonly domain: string;
  /** `domain.certificateArn` as the config names it. */
  readonly configured: string;
  /** The self-signed certificate imported into the emulator instead. */
  readonly standIn: string;
}

/** The model with the stand-in's ARN in place of the configured one, and the stand-in. */
export interface CertifiedModel {
  readonly model: AppModel;
  readonly standIns: readonly CertificateStandIn[];
}

/** Tag on a stand-in naming the ARN it replaces, so every later run finds the same one. */
const STANDS_IN_FOR = 'slipway:stands-in-for';

/**
 * The emulator has none of the team's ACM certificates, so an HTTPS listener naming one fails with
 * `CertificateNotFound`. Like accounts, the certificate is replaced for the local target: a
 * self-signed certificate for the environment's domain is imported into the emulator once per
 * configured ARN, and the model names it instead. It is found again by its tag on later runs, so
 * the listener keeps its certificate and a redeploy changes nothing. Only `envName`'s domain is
 * mapped, since only its stacks (and previews of it) deploy in a session.
 *
 * With `create` false (diff, destroy, preview list) a stand-in that exists is used and none is made:
 * those commands change nothing in the emulator.
 */
export async function standInCertificates(
  model: AppModel,
  envName: string,
  endpoint: string,
  create: boolean,
): Promise<CertifiedModel> {
  const env = model.environments.find((e) => e.name === envName);
  if (!env?.domain) return { model, standIns: [] };
  const { name: domain, certificateArn: configured } = env.domain;
  const acm = new ACMClient({ region: env.region, endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 });
  try {
    const arn =
      (await findStandIn(acm, configured)) ??
      (create ? await importStandIn(acm, domain, configured) : undefined);
    if (!arn) return { model, standIns: [] };
    const mapped: AppModel = {
      ...model,
      environments: model.environments.map((e) =>
        e.name === envName ? { ...e, domain: { name: domain, certificateArn: arn } } : e,
      ),
    };
    return { model: mapped, standIns: [{ environment: envName, domain, configured, standIn: arn }] };
  } finally {
    acm.destroy();
  }
}

async function findStandIn(acm: ACMClient, configured: string): Promise<string | undefined> {
  let token: string | undefined;
  do {
    const page = await acm.send(new ListCertificatesCommand({ NextToken: token }));
    for (const summary of page.CertificateSummaryList ?? []) {
      const tags = await acm.send(
        new ListTagsForCertificateCommand({ CertificateArn: summary.CertificateArn }),
      );
      if (tags.Tags?.some((t) => t.Key === STANDS_IN_FOR && t.Value === configured))
        return summary.CertificateArn;
    }
    token = page.NextToken;
  } while (token);
  return undefined;
}

/** A certificate for `domain` signed by its own key: enough for the emulator, trusted by nobody. */
async function importStandIn(acm: ACMClient, domain: string, configured: string): Promise<string> {
  const pems = await generate([{ name: 'commonName', value: domain }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const answer = await acm.send(
    new ImportCertificateCommand({
      Certificate: Buffer.from(pems.cert),
      PrivateKey: Buffer.from(pems.private),
      Tags: [{ Key: STANDS_IN_FOR, Value: configured }],
    }),
  );
  if (!answer.CertificateArn) throw new Error(`the emulator gave no ARN for the certificate of ${domain}`);
  return answer.CertificateArn;
}

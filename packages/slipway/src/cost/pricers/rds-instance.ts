import { cite, qty, unitUsd } from '../format.js';
import type { Price } from '../prices/types.js';
import { type CostLine, costLine, type Pricer, unpricedLine } from '../pricing-context.js';
import { literalBoolean, literalNumber, literalString } from '../template-values.js';
import { enhancedMonitoringLines } from './enhanced-monitoring.js';

/** Performance Insights keeps 7 days free; longer retention is billed. */
const FREE_INSIGHTS_DAYS = 7;

/**
 * `AWS::RDS::DBInstance`: instance-hours and storage GB-months, both doubled for Multi-AZ (a
 * standby of the same size); an RDS-managed master password adds its Secrets Manager secret, which
 * the template does not show, and enhanced monitoring its CloudWatch Logs ingestion. Backups up to the
 * provisioned size are free and not counted.
 */
export const priceRdsInstance: Pricer = (logicalId, resource, context) => {
  const props = resource.Properties ?? {};
  const engine = literalString(props.Engine) ?? 'postgres';
  if (engine.startsWith('aurora')) {
    return [unpricedLine(context, logicalId, resource, `Aurora (${engine}) instances are not in the table`)];
  }
  const instanceClass = literalString(props.DBInstanceClass);
  // Families, not classes: the table holds a couple of hundred classes.
  const known = [...new Set(Object.keys(context.prices.rdsInstanceHour).map(familyOf))].sort().join(', ');
  const instancePrice =
    instanceClass === undefined ? undefined : context.prices.rdsInstanceHour[instanceClass];
  if (!instancePrice) {
    return [
      unpricedLine(
        context,
        logicalId,
        resource,
        `no bundled price for instance class ${instanceClass ?? '(not a literal)'} in ${context.prices.region} ` +
          `(priced families: ${known})`,
      ),
    ];
  }

  const multiAz = literalBoolean(props.MultiAZ) ?? false;
  const copies = multiAz ? 2 : 1;
  const az = multiAz ? ' × 2 Multi-AZ' : '';
  const hours = context.usage.hoursPerMonth;
  const engineNote = engine === 'postgres' ? '' : `; ${engine} priced at the PostgreSQL rate`;
  const lines: CostLine[] = [
    costLine(
      context,
      logicalId,
      resource,
      'RDS',
      hours * instancePrice.usd * copies,
      `${instanceClass} ${qty(hours)} h × ${unitUsd(instancePrice)}${az} ${cite('RDS', instancePrice)}` +
        `${insightsNote(props.EnablePerformanceInsights, props.PerformanceInsightsRetentionPeriod)}${engineNote}`,
    ),
  ];

  const storageType = literalString(props.StorageType) ?? 'gp2';
  const storageGb = literalNumber(props.AllocatedStorage);
  const storagePrice: Price | undefined =
    storageType === 'gp3'
      ? context.prices.prices['rds.gp3.gb-month']
      : storageType === 'gp2'
        ? context.prices.prices['rds.gp2.gb-month']
        : undefined;
  if (storageGb === undefined || !storagePrice) {
    const why = storageGb === undefined ? 'AllocatedStorage is not a literal' : `storage type ${storageType}`;
    lines.push(unpricedLine(context, logicalId, resource, `database storage (${why})`));
  } else {
    lines.push(
      costLine(
        context,
        logicalId,
        resource,
        'RDS',
        storageGb * storagePrice.usd * copies,
        `${qty(storageGb)} GB ${storageType} × ${unitUsd(storagePrice)} per month${az} ` +
          `${cite('RDS storage', storagePrice)}; backups up to the provisioned size are free`,
      ),
    );
  }

  if (literalBoolean(props.ManageMasterUserPassword) === true) {
    const secret = context.prices.prices['secretsmanager.secret-month'];
    lines.push(
      costLine(
        context,
        logicalId,
        resource,
        'Secrets Manager',
        secret.usd,
        `1 RDS-managed master password secret × ${unitUsd(secret)} per month ${cite('Secrets Manager', secret)}`,
      ),
    );
  }
  lines.push(...enhancedMonitoringLines(logicalId, resource, context));
  return lines;
};

/** `db.t4g.micro` → `db.t4g`. */
function familyOf(instanceClass: string): string {
  return instanceClass.slice(0, instanceClass.lastIndexOf('.'));
}

function insightsNote(enabled: unknown, retention: unknown): string {
  if (literalBoolean(enabled) !== true) return '';
  const days = literalNumber(retention) ?? FREE_INSIGHTS_DAYS;
  return days <= FREE_INSIGHTS_DAYS
    ? '; Performance Insights 7-day retention is free'
    : `; Performance Insights ${days}-day retention is billed and not counted here`;
}

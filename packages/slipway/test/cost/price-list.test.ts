import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPriceTables } from '../../src/cost/prices/index.js';
import { AmbiguousPriceError, extractFigures } from '../../src/cost/prices/price-list/extract.js';
import type { PriceListFigures } from '../../src/cost/prices/price-list/figures.js';
import { readOfferDirectory } from '../../src/cost/prices/price-list/offer-directory.js';
import { OfferFileError, parseOfferFile } from '../../src/cost/prices/price-list/offer-file.js';
import { unprefixedUsage } from '../../src/cost/prices/price-list/rules.js';
import { REGION_SOURCES } from '../../src/cost/prices/regional-figures.js';

const SLICES = path.join(import.meta.dirname, 'offer-files');
const PACKAGE = path.resolve(import.meta.dirname, '../..');

function usdOf(figures: PriceListFigures, region: string) {
  const found = figures.regions[region];
  return {
    prices: Object.fromEntries(Object.entries(found?.prices ?? {}).map(([key, f]) => [key, f.usd])),
    rds: Object.fromEntries(Object.entries(found?.rdsInstanceHour ?? {}).map(([key, f]) => [key, f.usd])),
  };
}

describe('the price-list generator on offer-file slices', () => {
  const figures = extractFigures(readOfferDirectory(SLICES));

  it('reads every figure the eu-west-1 slices give, skipping the products no rule names', () => {
    expect(usdOf(figures, 'eu-west-1')).toEqual({
      prices: {
        // Not the Spot (0.01257825) or Windows (0.09148) vCPU rate, whose usage types look alike.
        'fargate.x86.vcpu-hour': 0.04048,
        'fargate.x86.gb-hour': 0.004445,
        'fargate.arm.vcpu-hour': 0.03238,
        'fargate.arm.gb-hour': 0.00356,
        'fargate.ephemeral.gb-hour': 0.000111,
        'ipv4.address-hour': 0.005,
        'nat.hour': 0.048,
        'nat.gb': 0.048,
        'alb.hour': 0.0252,
        'alb.lcu-hour': 0.008,
        // Single-AZ storage, not the Multi-AZ usage type at twice the price.
        'rds.gp3.gb-month': 0.127,
        'rds.gp2.gb-month': 0.127,
        'secretsmanager.secret-month': 0.4,
        'ssm.advanced-parameter-month': 0.05,
        'logs.ingested-gb': 0.57,
        'logs.stored-gb-month': 0.03,
        // The first paid tier: the first ten alarms are a $0 tier.
        'cloudwatch.alarm-metric-month': 0.1,
        'cloudwatch.high-resolution-alarm-metric-month': 0.3,
        'ecr.gb-month': 0.1,
        // `eu-west-1-KMS-Keys`: KMS prefixes the region code itself.
        'kms.key-month': 1,
        'vpc.interface-endpoint-az-hour': 0.011,
        // Per request in the offer, per million in the table; each tier read by where it begins,
        // not the REST API's or WebSocket's calls of the same family.
        'apigateway.http.request-million': 1.11,
        'apigateway.http.request-million-over-300m': 1,
      },
      // PostgreSQL Single-AZ only: not the Multi-AZ (0.034) or MySQL (0.016) price of the class.
      rds: { 'db.m6i.large': 0.193, 'db.t4g.micro': 0.017 },
    });
  });

  it('reads us-east-1 usage types, which have no region prefix', () => {
    expect(usdOf(figures, 'us-east-1').prices).toEqual({ 'nat.hour': 0.045, 'nat.gb': 0.045 });
  });

  it('says which tier a figure came from and how the offer unit was scaled', () => {
    const prices = figures.regions['eu-west-1']?.prices;
    expect(prices?.['apigateway.http.request-million']).toMatchObject({
      unit: '1,000,000 Requests',
      usagetype: 'EU-ApiGatewayHttpRequest',
    });
    expect(prices?.['apigateway.http.request-million']).not.toHaveProperty('tierBeginsAt');
    expect(prices?.['apigateway.http.request-million-over-300m']).toMatchObject({
      usd: 1,
      tierBeginsAt: 300_000_000,
    });
  });

  it('keeps a globally billed figure apart, at its first tier', () => {
    expect(figures.global['route53.hosted-zone-month']).toMatchObject({
      usd: 0.5,
      offerCode: 'AmazonRoute53',
      usagetype: 'HostedZone',
    });
  });

  it('records where each figure was read: offer, publication date, usage type, SKU and unit', () => {
    const nat = figures.regions['eu-west-1']?.prices['nat.hour'];
    expect(nat).toMatchObject({
      offerCode: 'AmazonEC2',
      publicationDate: '2026-07-18T19:31:07Z',
      usagetype: 'EU-NatGateway-Hours',
      unit: 'Hrs',
    });
    expect(nat?.sku).toMatch(/^[A-Z0-9]{16}$/);
    expect(figures.offers.map((o) => o.offerCode)).toContain('AmazonRDS');
    // Two regional files of AmazonEC2 with one version make one entry.
    expect(figures.offers.filter((o) => o.offerCode === 'AmazonEC2')).toHaveLength(1);
  });

  it('refuses two different prices for one figure and names both', () => {
    const [rds] = readOfferDirectory(path.join(SLICES, 'AmazonRDS'));
    const micro = Object.values(rds!.products).find(
      (p) =>
        p.attributes.instanceType === 'db.t4g.micro' &&
        p.attributes.databaseEngine === 'PostgreSQL' &&
        p.attributes.deploymentOption === 'Single-AZ',
    )!;
    const twin = { ...micro, sku: 'TWINTWINTWINTWIN' };
    const terms = rds!.terms.OnDemand![micro.sku]!;
    const [term] = Object.values(terms);
    const [dimension] = Object.values(term!.priceDimensions);
    const dearer = {
      ...rds!,
      products: { ...rds!.products, [twin.sku]: twin },
      terms: {
        OnDemand: {
          ...rds!.terms.OnDemand,
          [twin.sku]: {
            x: {
              ...term!,
              sku: twin.sku,
              priceDimensions: { y: { ...dimension!, pricePerUnit: { USD: '0.0200' } } },
            },
          },
        },
      },
    };
    expect(() => extractFigures([dearer])).toThrow(AmbiguousPriceError);
    expect(() => extractFigures([dearer])).toThrow(
      /rds:db\.t4g\.micro in eu-west-1: .*0\.017.*0\.02.*TWINTWINTWINTWIN/,
    );
  });

  it('says which file is not an offer file', () => {
    const regionIndex = JSON.stringify({ formatVersion: 'v1.0', regions: {} });
    expect(() => parseOfferFile(regionIndex, 'AmazonECS/region_index.json')).toThrow(OfferFileError);
    expect(() => parseOfferFile(regionIndex, 'AmazonECS/region_index.json')).toThrow(
      /AmazonECS\/region_index\.json has no "offerCode"/,
    );
    expect(() => parseOfferFile('{"formatVersion": ', 'cut.json')).toThrow(/cut\.json is not JSON/);
  });

  it('strips region prefixes, and only region prefixes', () => {
    expect(unprefixedUsage('EUC1-Fargate-GB-Hours')).toBe('Fargate-GB-Hours');
    expect(unprefixedUsage('EU-NatGateway-Hours')).toBe('NatGateway-Hours');
    expect(unprefixedUsage('us-east-1-KMS-Keys')).toBe('KMS-Keys');
    expect(unprefixedUsage('SpotUsage-Fargate-GB-Hours')).toBe('SpotUsage-Fargate-GB-Hours');
    expect(unprefixedUsage('HostedZone')).toBe('HostedZone');
  });
});

describe('price tables built with price-list figures', () => {
  const tables = buildPriceTables(REGION_SOURCES, extractFigures(readOfferDirectory(SLICES)));

  it('prefer the price list to every other figure, and cite the offer', () => {
    const ireland = tables['eu-west-1']!;
    expect(ireland.prices['nat.hour']).toMatchObject({
      usd: 0.048,
      unit: 'gateway-hour',
      source: 'PL',
      date: '2026-07',
      verified: true,
    });
    expect(ireland.prices['nat.hour'].reference).toContain('AmazonEC2 offer published 2026-07-18');
    expect(ireland.rdsInstanceHour['db.m6i.large']).toMatchObject({ usd: 0.193, source: 'PL' });
    // A class the slices do not price is still us-east-1 × the ratio.
    expect(ireland.rdsInstanceHour['db.t4g.small']?.source).toBe('DERIVED');
  });

  it('cite the tier of a tiered figure, in the table’s unit', () => {
    const over = tables['eu-west-1']!.prices['apigateway.http.request-million-over-300m'];
    expect(over).toMatchObject({ usd: 1, unit: 'million requests', source: 'PL', verified: true });
    expect(over.reference).toContain('per 1,000,000 Requests, the tier from 300,000,000');
  });

  it('apply a global figure in every region', () => {
    for (const table of Object.values(tables)) {
      expect(table.prices['route53.hosted-zone-month'], table.region).toMatchObject({
        usd: 0.5,
        source: 'PL',
      });
    }
  });
});

describe('scripts/build-price-tables.ts', () => {
  it('writes the figures module from a folder of offer files', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'slipway-price-list-')), 'figures.ts');
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build-price-tables.ts', '--from', SLICES, '--out', out],
      { cwd: PACKAGE, encoding: 'utf8' },
    );
    expect(stdout).toMatch(/13 offer files read; 2 regions, 27 regional figures and 1 global ones written/);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^\/\/ Generated by packages\/slipway\/scripts\/build-price-tables\.ts/);
    expect(text).toContain('//   AmazonRDS 20260720010203 (2026-07-20T01:02:03Z)');
    // The module carries a type-only import; load it as plain JavaScript to read the constant.
    const js = path.join(path.dirname(out), 'figures.mjs');
    writeFileSync(js, text.replace(/^import type .*$/m, '').replace(/: PriceListFigures =/, ' ='));
    const written = (await import(pathToFileURL(js).href)) as { PRICE_LIST_FIGURES: PriceListFigures };
    expect(written.PRICE_LIST_FIGURES).toEqual(extractFigures(readOfferDirectory(SLICES)));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type OfferFile, OfferFileError, parseOfferFile } from './offer-file.js';

/** Every `*.json` under `dir`, at any depth, in name order. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * The offer files in `dir` (any layout: `AmazonECS/eu-west-1.json`, or the `index.json` files as the
 * Bulk API serves them). `region_index.json` files, which list the regional files, are skipped.
 */
export function readOfferDirectory(dir: string): OfferFile[] {
  const files = jsonFiles(dir).filter((file) => path.basename(file) !== 'region_index.json');
  if (files.length === 0) {
    throw new OfferFileError(`${dir} holds no offer files (*.json); download them first (docs/pricing.md).`);
  }
  return files.map((file) => parseOfferFile(readFileSync(file, 'utf8'), file));
}

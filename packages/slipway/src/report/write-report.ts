import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReportPage } from './page/page.js';
import { buildReportData, type ReportInput } from './report-data.js';

/** Builds the report's data, renders the page and writes it; returns the file's absolute path. */
export async function writeReport(input: ReportInput, file: string): Promise<string> {
  const html = renderReportPage(await buildReportData(input));
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, html);
  return target;
}

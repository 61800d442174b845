import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describeManifest } from './manifest.js';
import { joinField, type ManifestFinding } from './manifest-finding.js';

/**
 * Second pass: fields a kind does not have (`replcas`), which the JSON-schema pass lets through
 * because the Kubernetes schemas allow extra properties. Each document becomes an object literal
 * assigned to its kind's interface from `kubernetes-models` (`const d: IDeployment = {…}`), or for
 * a custom resource from its `@kubernetes-models/*` package, in a
 * program the TypeScript compiler checks in memory: excess-property checks on fresh literals
 * reject unknown fields at every depth, and exact optional types reject explicit `undefined`.
 * The documents are type-checked, never run. The compiler reports one problem per object literal
 * at a time: an unknown field beside a wrong type shows once the type is fixed.
 */
export function fieldCheck(documents: readonly unknown[]): ManifestFinding[] {
  const findings: ManifestFinding[] = [];
  const entries: { readonly index: number; readonly object: string }[] = [];
  const imports: string[] = [];
  const declarations: string[] = [];
  documents.forEach((document, index) => {
    const object = describeManifest(isRecord(document) ? document : {});
    const target = kindTarget(document);
    if (typeof target === 'string') {
      findings.push({ check: 'fields', object, field: '', message: target });
      return;
    }
    const alias = `Kind${index}`;
    imports.push(`import type { I${target.kind} as ${alias} } from ${JSON.stringify(target.module)};`);
    declarations.push(`export const document${index}: ${alias} = ${literal(document, '')};`);
    entries.push({ index, object });
  });
  if (entries.length === 0) return findings;

  const text = [...imports, ...declarations].join('\n') + '\n';
  const program = ts.createProgram([VIRTUAL_FILE], COMPILER_OPTIONS, hostFor(text));
  const source = program.getSourceFile(VIRTUAL_FILE)!;
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  for (const diagnostic of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const located = locate(source, diagnostic.start ?? 0, entries.length);
    const entry = located ? entries[located.entry] : undefined;
    findings.push({
      check: 'fields',
      object: entry?.object ?? '(generated program)',
      field: located?.field ?? '',
      message,
    });
  }
  return findings;
}

/** Where the in-memory program sits: beside this module, so `kubernetes-models` resolves as here. */
const VIRTUAL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '__manifest-field-check__.ts');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
};

/** Parsed library and `kubernetes-models` declarations, kept between checks: parsing them is most of the cost. */
const declarationFiles = new Map<string, ts.SourceFile>();

function hostFor(text: string): ts.CompilerHost {
  const base = ts.createCompilerHost(COMPILER_OPTIONS, true);
  return {
    ...base,
    fileExists: (file) => file === VIRTUAL_FILE || base.fileExists(file),
    readFile: (file) => (file === VIRTUAL_FILE ? text : base.readFile(file)),
    getSourceFile: (file, languageVersion, onError) => {
      if (file === VIRTUAL_FILE) return ts.createSourceFile(file, text, languageVersion, true);
      const cached = declarationFiles.get(file);
      if (cached) return cached;
      const parsed = base.getSourceFile(file, languageVersion, onError);
      if (parsed) declarationFiles.set(file, parsed);
      return parsed;
    },
  };
}

/** The module and interface a document's kind is typed by, or why it has none. */
function kindTarget(document: unknown): { readonly module: string; readonly kind: string } | string {
  if (!isRecord(document)) return 'is not an object';
  const { apiVersion, kind } = document;
  if (typeof apiVersion !== 'string' || !/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion)) {
    return `apiVersion ${JSON.stringify(apiVersion)} is not a Kubernetes API version`;
  }
  if (typeof kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return `kind ${JSON.stringify(kind)} is not a Kubernetes kind`;
  }
  const local = LOCAL_KINDS[apiVersion];
  if (local) return { module: local, kind };
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const thirdParty = CUSTOM_RESOURCE_PACKAGES[group];
  if (thirdParty) return { module: `${thirdParty}/${apiVersion}`, kind };
  // The core group's modules sit at the package root (`kubernetes-models/v1`), others under the group.
  return { module: `kubernetes-models/${apiVersion}`, kind };
}

/** API groups of custom resources Slipway writes, and the package that types each. */
const CUSTOM_RESOURCE_PACKAGES: Readonly<Record<string, string>> = {
  'external-secrets.io': '@kubernetes-models/external-secrets',
  'generators.external-secrets.io': '@kubernetes-models/external-secrets',
  'argoproj.io': '@kubernetes-models/argo-cd',
  'karpenter.sh': '@kubernetes-models/karpenter',
  'karpenter.k8s.aws': '@kubernetes-models/karpenter',
};

/** API versions no package types, and the module beside this one that does (relative to it). */
const LOCAL_KINDS: Readonly<Record<string, string>> = {
  'secrets-store.csi.x-k8s.io/v1': './secret-provider-class-types.js',
  'eks.amazonaws.com/v1': './auto-mode-ingress-class-params-types.js',
  'datadoghq.com/v1alpha1': './datadog-monitor-types.js',
};

/** A JSON value as a TypeScript literal; keys that are identifiers stay bare, so messages name them plainly. */
function literal(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + literal(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const inner = indent + '  ';
    const props = keys.map((key) => {
      const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
      return `${inner}${name}: ${literal(value[key], inner)}`;
    });
    return `{\n${props.join(',\n')}\n${indent}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * The document a diagnostic falls in and the field it names: the innermost node at the position,
 * then the property names and array indexes up to the document's declaration. Imports come
 * first in the program, one per document, then the declarations in the same order.
 */
function locate(
  source: ts.SourceFile,
  position: number,
  count: number,
): { readonly entry: number; readonly field: string } | undefined {
  const statementIndex = source.statements.findIndex(
    (s) => s.getStart(source) <= position && position < s.end,
  );
  if (statementIndex === -1) return undefined;
  if (statementIndex < count) {
    // A failed import: the kind (or its API version) is not one `kubernetes-models` knows.
    return { entry: statementIndex, field: 'kind' };
  }
  const segments: (string | number)[] = [];
  let node: ts.Node | undefined = innermost(source.statements[statementIndex]!, position, source);
  for (; node && !ts.isVariableDeclaration(node); node = node.parent) {
    const parent: ts.Node | undefined = node.parent;
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      segments.unshift(node.name.text);
    } else if (parent && ts.isArrayLiteralExpression(parent)) {
      segments.unshift(parent.elements.indexOf(node as ts.Expression));
    }
  }
  return { entry: statementIndex - count, field: joinField(segments) };
}

function innermost(node: ts.Node, position: number, source: ts.SourceFile): ts.Node {
  const child = node.getChildren(source).find((c) => c.getStart(source) <= position && position < c.end);
  return child ? innermost(child, position, source) : node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

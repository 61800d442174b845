import type { DiagramEdgeKind, DiagramNodeKind, NodeChange } from './types.js';

/** Kinds drawn as frames around other nodes. */
export type GroupKind = 'vpc' | 'subnet-tier' | 'cluster' | 'workflow';
export type ThingKind = Exclude<DiagramNodeKind, GroupKind>;

/** How a thing of one kind looks: an accent colour and a short glyph people can read at a glance. */
export interface ThingStyle {
  readonly accent: string;
  /** Two or three letters drawn in the kind's square. */
  readonly glyph: string;
  /** For the legend and tooltips. */
  readonly name: string;
}

export interface GroupStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly name: string;
}

export const GROUP_STYLES: Readonly<Record<GroupKind, GroupStyle>> = {
  vpc: { fill: '#f3f6fb', stroke: '#8fa3c0', name: 'VPC' },
  'subnet-tier': { fill: '#e9f2ea', stroke: '#9cbf9f', name: 'Subnet tier' },
  cluster: { fill: '#f6eefa', stroke: '#b79ac6', name: 'Cluster' },
  workflow: { fill: '#f1f4f8', stroke: '#9aa8ba', name: 'Workflow' },
};

/** A group of another kind (a thing that holds things): a neutral frame. */
const OTHER_GROUP_STYLE: GroupStyle = { fill: '#f5f5f4', stroke: '#b5b2ad', name: 'Group' };

export const THING_STYLES: Readonly<Record<ThingKind, ThingStyle>> = {
  internet: { accent: '#5b6b7f', glyph: 'WEB', name: 'Internet' },
  nat: { accent: '#6d7f95', glyph: 'NAT', name: 'NAT gateway' },
  'load-balancer': { accent: '#7b4fc4', glyph: 'LB', name: 'Load balancer' },
  listener: { accent: '#9a7bd6', glyph: 'L', name: 'Listener' },
  'http-api': { accent: '#b0398f', glyph: 'API', name: 'HTTP API' },
  'vpc-link': { accent: '#8a5a9e', glyph: 'VPL', name: 'VPC link' },
  service: { accent: '#d9782a', glyph: 'SVC', name: 'Service' },
  database: { accent: '#2f6fb7', glyph: 'DB', name: 'Database' },
  cache: { accent: '#c2413a', glyph: 'KV', name: 'Cache' },
  table: { accent: '#3b5fc4', glyph: 'TBL', name: 'Table' },
  queue: { accent: '#b5477a', glyph: 'Q', name: 'Queue' },
  topic: { accent: '#c0508f', glyph: 'T', name: 'Topic' },
  function: { accent: '#e08f1b', glyph: 'λ', name: 'Function' },
  distribution: { accent: '#6a4fb0', glyph: 'CDN', name: 'Distribution' },
  firewall: { accent: '#c23b2f', glyph: 'FW', name: 'Firewall' },
  'node-pool': { accent: '#d9782a', glyph: 'N', name: 'Node pool' },
  'user-pool': { accent: '#c4374f', glyph: 'ID', name: 'User pool' },
  bucket: { accent: '#3f8f3f', glyph: 'S3', name: 'Bucket' },
  registry: { accent: '#d17a22', glyph: 'REG', name: 'Registry' },
  role: { accent: '#b03a3a', glyph: 'IAM', name: 'Role' },
  job: { accent: '#3a6ea5', glyph: 'JOB', name: 'Job' },
};

export interface EdgeStyle {
  readonly stroke: string;
  /** SVG stroke-dasharray; none for solid. */
  readonly dash?: string;
  readonly width: number;
  readonly name: string;
}

export const EDGE_STYLES: Readonly<Record<DiagramEdgeKind, EdgeStyle>> = {
  network: { stroke: '#4a6785', dash: '6 4', width: 1.3, name: 'Network reach' },
  route: { stroke: '#3b3b3b', width: 1.6, name: 'Route' },
  event: { stroke: '#b5477a', dash: '1.5 3.5', width: 1.8, name: 'Event' },
  needs: { stroke: '#8a8a8a', width: 1.3, name: 'Needs' },
};

export const CHANGE_STYLES: Readonly<Record<NodeChange, { readonly stroke: string; readonly name: string }>> =
  {
    added: { stroke: '#1f9d55', name: 'Added' },
    changed: { stroke: '#d99a0b', name: 'Changed' },
    replaced: { stroke: '#d64545', name: 'Replaced' },
    removed: { stroke: '#d64545', name: 'Removed' },
  };

export const FINDING_COLOURS = { error: '#c62828', warning: '#b7791f' } as const;

/** The frame for a group kind, or a neutral one for a thing that happens to hold others. */
export function groupStyleOf(kind: string): GroupStyle {
  return Object.hasOwn(GROUP_STYLES, kind) ? GROUP_STYLES[kind as GroupKind] : OTHER_GROUP_STYLE;
}

/** The look of a thing kind; a group kind drawn as a leaf (an empty cluster) looks like a service. */
export function thingKindOf(kind: string): ThingKind {
  return Object.hasOwn(THING_STYLES, kind) ? (kind as ThingKind) : 'service';
}

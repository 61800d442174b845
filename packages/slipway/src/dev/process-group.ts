import { readdirSync, readFileSync } from 'node:fs';

/** A live process of a group, as /proc describes it. */
export interface GroupMember {
  readonly pid: number;
  /** Executable name, e.g. `sh`, `npm`, `node`. */
  readonly command: string;
}

/**
 * The live processes of a group, or undefined where there is no /proc (macOS, Windows). Zombies
 * do not count: when a wrapper such as `npm` exits before the server it started, the server is
 * re-parented to PID 1, and in a container PID 1 may take seconds to reap it although it has long
 * stopped.
 */
export function groupMembers(pgid: number): GroupMember[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const members: GroupMember[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (command) state ppid pgrp …": the command may hold spaces and parentheses.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    if (Number(fields[2]) !== pgid || fields[0] === 'Z' || fields[0] === 'X') continue;
    members.push({ pid: Number(entry), command: stat.slice(stat.indexOf('(') + 1, close) });
  }
  return members;
}

/** Whether any process of the group is still running (a signal-0 probe where there is no /proc). */
export function groupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  if (members !== undefined) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Input files of a check: files as given, folders expanded to their .json/.xml files (sorted). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';

export class UsageError extends Error {}

/** A commander argument parser for a non-negative integer option. */
export const integer = (name: string) => (v: string): number => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${name} : entier positif attendu`);
  return Number(v);
};

export function expandInputs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      throw new UsageError(`fichier introuvable : ${a}`);
    }
    if (st.isDirectory()) out.push(...listFolder(a));
    else out.push(a);
  }
  if (!out.length) throw new UsageError('aucun fichier .json ou .xml à vérifier');
  return out;
}

function listFolder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFolder(p));
    else if (/\.(json|xml)$/i.test(name)) out.push(p);
  }
  return out;
}

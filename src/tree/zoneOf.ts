import type { Zone } from '../cloudflare/types';
import type { TreeNode } from './treeNode';
import { ZoneNode } from './zoneNode';

/** The zone a node belongs to, found by walking up to its zone node. */
export function zoneNodeOf(node: TreeNode | undefined): ZoneNode | undefined {
  let current = node;
  while (current && !(current instanceof ZoneNode)) {
    current = current.parent;
  }
  return current;
}

export function zoneOf(node: TreeNode | undefined): Zone | undefined {
  return zoneNodeOf(node)?.zone;
}

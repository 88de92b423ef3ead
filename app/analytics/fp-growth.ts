/**
 * Frequent itemsets by FP-Growth (Han, Pei & Yin 2000): one pass counts items, a second
 * builds a prefix tree of every basket's frequent items (most frequent first), and itemsets
 * are mined from conditional trees without generating candidates. No FP-Growth library is
 * installed, hence this implementation.
 */

export interface FrequentItemset {
  /** Item codes, ascending. */
  items: number[];
  /** Number of baskets containing every item. */
  count: number;
}

interface TreeNode {
  item: number;
  count: number;
  parent: TreeNode | null;
  children: Map<number, TreeNode>;
}

interface FpTree {
  root: TreeNode;
  /** item → all nodes holding it (the "node links"). */
  header: Map<number, TreeNode[]>;
  /** item → total count in this tree. */
  support: Map<number, number>;
}

/** Weighted transactions: each path stands for `count` identical baskets. */
interface WeightedPath {
  items: number[];
  count: number;
}

function buildTree(
  paths: readonly WeightedPath[],
  minCount: number,
  rank: Map<number, number>,
): FpTree {
  const support = new Map<number, number>();
  for (const path of paths)
    for (const item of path.items) support.set(item, (support.get(item) ?? 0) + path.count);
  for (const [item, count] of support) if (count < minCount) support.delete(item);
  const root: TreeNode = { item: -1, count: 0, parent: null, children: new Map() };
  const header = new Map<number, TreeNode[]>();
  for (const path of paths) {
    const kept = path.items.filter((item) => support.has(item));
    kept.sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number));
    let node = root;
    for (const item of kept) {
      let child = node.children.get(item);
      if (!child) {
        child = { item, count: 0, parent: node, children: new Map() };
        node.children.set(item, child);
        const links = header.get(item);
        if (links) links.push(child);
        else header.set(item, [child]);
      }
      child.count += path.count;
      node = child;
    }
  }
  return { root, header, support };
}

/**
 * All itemsets contained in at least minCount baskets, up to maxSize items.
 * Items repeated inside one basket count once.
 */
export function fpGrowth(
  baskets: readonly (readonly number[])[],
  minCount: number,
  maxSize = Number.POSITIVE_INFINITY,
): FrequentItemset[] {
  const paths = baskets.map((basket) => ({ items: [...new Set(basket)], count: 1 }));
  const globalSupport = new Map<number, number>();
  for (const path of paths)
    for (const item of path.items) globalSupport.set(item, (globalSupport.get(item) ?? 0) + 1);
  // Global order: support descending, then item code, so trees share prefixes deterministically.
  const order = [...globalSupport.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const rank = new Map(order.map(([item], i) => [item, i]));
  const results: FrequentItemset[] = [];
  mine(buildTree(paths, minCount, rank), [], minCount, maxSize, rank, results);
  return results;
}

function mine(
  tree: FpTree,
  suffix: number[],
  minCount: number,
  maxSize: number,
  rank: Map<number, number>,
  out: FrequentItemset[],
) {
  // Least frequent first, as in the paper; any order gives the same itemsets.
  const items = [...tree.support.keys()].sort(
    (a, b) => (rank.get(b) as number) - (rank.get(a) as number),
  );
  for (const item of items) {
    const itemset = [item, ...suffix];
    out.push({
      items: [...itemset].sort((a, b) => a - b),
      count: tree.support.get(item) as number,
    });
    if (itemset.length >= maxSize) continue;
    const conditional: WeightedPath[] = [];
    for (const node of tree.header.get(item) ?? []) {
      const prefix: number[] = [];
      for (let up = node.parent; up && up.item !== -1; up = up.parent) prefix.push(up.item);
      if (prefix.length > 0) conditional.push({ items: prefix, count: node.count });
    }
    if (conditional.length === 0) continue;
    const subtree = buildTree(conditional, minCount, rank);
    if (subtree.support.size > 0) mine(subtree, itemset, minCount, maxSize, rank, out);
  }
}

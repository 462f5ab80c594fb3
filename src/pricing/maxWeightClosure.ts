/**
 * The maximum-weight closure of a directed graph: the set S of nodes maximising Σ_{v∈S} w_v such that
 * every arc u → v with u ∈ S has v ∈ S ("u implies v"). Solved as a minimum s–t cut (Picard 1976): an
 * arc s → v of capacity w_v for w_v > 0, v → t of capacity −w_v for w_v < 0, and u → v of infinite
 * capacity for each implication; the closure is the source side of a minimum cut, and its weight is
 * Σ_{w>0} w − (the maximum flow). The flow is Dinic's algorithm (BFS levels, blocking flows found by an
 * iterative depth-first search with current-arc pointers) on typed arrays.
 *
 * Ties: several closures can share the maximum weight. This returns the **largest** one (every node
 * that cannot reach t in the final residual graph), which `rateLadder` reads as "the higher rate on
 * ties". Residual capacities below `eps` count as saturated.
 *
 * Reference: Picard, J.-C. (1976), "Maximal closure of a graph and applications to combinatorial
 * problems", Management Science 22(11), 1268–1272; Dinic, E. A. (1970), "Algorithm for solution of a
 * problem of maximum flow in networks with power estimation", Soviet Math. Doklady 11, 1277–1280.
 *
 * @internal not exported from the package
 * @param n - number of nodes (0..n−1)
 * @param weight - w_v per node
 * @param from - tails of the implication arcs (u)
 * @param to - heads of the implication arcs (v), same length
 * @param eps - residual capacity counted as zero (default 1e-12 × the largest |w|)
 * @returns `inClosure` (1 for nodes of the largest maximum-weight closure) and its `weight`
 */
export function maxWeightClosure(
  n: number,
  weight: Float64Array,
  from: Int32Array,
  to: Int32Array,
  eps?: number,
): { inClosure: Uint8Array; weight: number } {
  const s = n;
  const t = n + 1;
  const N = n + 2;
  let maxW = 0;
  let nTerminal = 0;
  for (let v = 0; v < n; v++) {
    const w = weight[v]!;
    if (Math.abs(w) > maxW) maxW = Math.abs(w);
    if (w !== 0) nTerminal++;
  }
  const tol = eps ?? 1e-12 * maxW;
  const M = 2 * (nTerminal + from.length);
  const head = new Int32Array(N).fill(-1);
  const next = new Int32Array(M);
  const endpoint = new Int32Array(M);
  const cap = new Float64Array(M);
  let m = 0;
  const addArc = (u: number, v: number, c: number) => {
    endpoint[m] = v;
    cap[m] = c;
    next[m] = head[u]!;
    head[u] = m++;
    endpoint[m] = u;
    cap[m] = 0;
    next[m] = head[v]!;
    head[v] = m++;
  };
  for (let v = 0; v < n; v++) {
    const w = weight[v]!;
    if (w > 0) {
      addArc(s, v, w);
    } else if (w < 0) addArc(v, t, -w);
  }
  for (let k = 0; k < from.length; k++) addArc(from[k]!, to[k]!, Infinity);

  const level = new Int32Array(N);
  const queue = new Int32Array(N);
  const it = new Int32Array(N);
  const pathArc = new Int32Array(N);
  const bfs = (): boolean => {
    level.fill(-1);
    level[s] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let e = head[u]!; e >= 0; e = next[e]!) {
        const v = endpoint[e]!;
        if (level[v]! < 0 && cap[e]! > tol) {
          level[v] = level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    return level[t]! >= 0;
  };
  while (bfs()) {
    it.set(head);
    // Augmenting paths along the level graph, found iteratively; after each augmentation the search
    // resumes from the tail of the first saturated arc instead of from s.
    let depth = 0;
    let u = s;
    for (;;) {
      let found = false;
      while (true) {
        if (u === t) {
          found = true;
          break;
        }
        let e = it[u]!;
        while (e >= 0 && !(cap[e]! > tol && level[endpoint[e]!] === level[u]! + 1)) e = next[e]!;
        it[u] = e;
        if (e >= 0) {
          pathArc[depth++] = e;
          u = endpoint[e]!;
        } else {
          if (depth === 0) break;
          level[u] = -1; // dead end: never visit again in this phase
          depth--;
          u = endpoint[pathArc[depth]! ^ 1]!;
        }
      }
      if (!found) break;
      let b = Infinity;
      for (let i = 0; i < depth; i++) b = Math.min(b, cap[pathArc[i]!]!);
      let first = -1;
      for (let i = 0; i < depth; i++) {
        const e = pathArc[i]!;
        cap[e] = cap[e]! - b;
        cap[e ^ 1] = cap[e ^ 1]! + b;
        if (first < 0 && !(cap[e]! > tol)) first = i;
      }
      depth = first < 0 ? 0 : first;
      u = first < 0 ? s : endpoint[pathArc[first]! ^ 1]!;
    }
  }
  // Largest closure: the nodes that cannot reach t in the residual graph (reverse search from t).
  const reachT = new Uint8Array(N);
  reachT[t] = 1;
  let qh = 0;
  let qt = 0;
  queue[qt++] = t;
  while (qh < qt) {
    const v = queue[qh++]!;
    for (let e = head[v]!; e >= 0; e = next[e]!) {
      // arc e is v → u; its reverse e^1 is u → v with residual cap[e^1]
      const u = endpoint[e]!;
      if (!reachT[u] && cap[e ^ 1]! > tol) {
        reachT[u] = 1;
        queue[qt++] = u;
      }
    }
  }
  const inClosure = new Uint8Array(n);
  let total = 0;
  for (let v = 0; v < n; v++)
    if (!reachT[v]) {
      inClosure[v] = 1;
      total += weight[v]!;
    }
  return { inClosure, weight: total };
}

/**
 * Which lines of `a` and `b` are the same line: a longest common subsequence by Myers' O(ND) diff, after trimming the
 * common head and tail (an edit touches a few lines, so D stays small). Returns, for each line of `a`, the index of
 * its line in `b` or -1. Used by applyEdit to put back the hand formatting of lines an edit did not touch.
 */
export function matchLines(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) match[head] = head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    match[a.length - 1 - tail] = b.length - 1 - tail;
    tail++;
  }
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 || m === 0) return match;

  // Myers: v[k] = furthest x on diagonal k. Before each round d a snapshot of the diagonals -d-1..d+1 is kept
  // for the walk back (memory about D squared, not D times N).
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  const at = (snapshot: Int32Array, d: number, k: number): number => snapshot[k + d + 1]!;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[head + x] === b[head + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk back from the end, recording the diagonal (equal) runs of each round.
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(snapshot, d, k - 1) < at(snapshot, d, k + 1)) ? k + 1 : k - 1;
    const prevX = at(snapshot, d, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      match[head + x] = head + y;
    }
    x = prevX;
    y = prevY;
  }
  return match;
}

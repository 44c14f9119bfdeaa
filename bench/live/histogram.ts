// Latencies in whole milliseconds up to a minute (the last bucket holds anything longer), so that
// millions of samples from several processes add up exactly.
const buckets = 60_001;

export class Histogram {
  counts = new Array<number>(buckets).fill(0);

  add(ms: number): void {
    this.counts[Math.min(buckets - 1, Math.max(0, Math.round(ms)))]!++;
  }

  merge(counts: readonly number[]): void {
    counts.forEach((n, i) => {
      this.counts[i]! += n;
    });
  }

  reset(): void {
    this.counts.fill(0);
  }

  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  /** The smallest latency with at least `q` of the samples at or below it. */
  quantile(q: number): number {
    const wanted = Math.ceil(this.total * q);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= wanted && seen > 0) return i;
    }
    return 0;
  }

  get max(): number {
    for (let i = this.counts.length - 1; i >= 0; i--) if (this.counts[i]) return i;
    return 0;
  }
}

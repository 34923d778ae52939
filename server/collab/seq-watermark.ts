/**
 * Which entries of a document's update log this node's copy contains.
 *
 * With one node, every accepted update gets the next sequence number and the
 * copy always holds a contiguous prefix of the log. With several nodes, the
 * log is shared: updates appended by other nodes arrive over the relay, out of
 * order or not at all (a lost message, a Redis restart). `contiguous` is the
 * highest seq up to which the copy is known to be complete: what a snapshot
 * may claim to cover and where a catch-up from the store starts.
 */
export class SeqWatermark {
  private above = new Set<number>();
  private upTo = 0;

  /** Everything up to `seq` is in the copy (a load or a catch-up from the store). Never lowers the watermark. */
  reset(seq: number): void {
    if (seq > this.upTo) this.upTo = seq;
    for (const s of this.above) if (s <= seq) this.above.delete(s);
    this.advance();
  }

  /** The update with this seq is in the copy. */
  applied(seq: number): void {
    if (seq <= this.upTo) return;
    this.above.add(seq);
    this.advance();
  }

  get contiguous(): number {
    return this.upTo;
  }

  /** Highest seq known to exist (applied here, contiguous or not). */
  get highest(): number {
    let max = this.upTo;
    for (const s of this.above) if (s > max) max = s;
    return max;
  }

  /** True when some seq below one already applied is missing. */
  get hasGap(): boolean {
    return this.above.size > 0;
  }

  private advance() {
    while (this.above.delete(this.upTo + 1)) this.upTo++;
  }
}

// Collects an attachment's bytes as they are decoded or inflated: every byte is counted and hashed,
// but only up to the limit is kept — the size is never taken from what the sender declared.
import { createHash, type Hash } from 'node:crypto';

/** How much of the start is always kept, so that even an oversized attachment can be sniffed. */
export const HEAD_BYTES = 64 * 1024;

export interface CollectedBytes {
  /** The bytes, or null when there were more than the limit. */
  bytes: Buffer | null;
  /** Every byte seen, kept or not. */
  size: number;
  /** SHA-256 (hex) of every byte seen. */
  sha256: string;
  /** The first HEAD_BYTES. */
  head: Buffer;
  overLimit: boolean;
}

export class ByteCollector {
  private readonly chunks: Buffer[] = [];
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private headParts: Buffer[] = [];
  private headSize = 0;

  constructor(private readonly maxBytes: number) {}

  get count(): number {
    return this.size;
  }

  push(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.headSize < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headSize);
      this.headParts.push(Buffer.from(part));
      this.headSize += part.length;
    }
    if (this.size <= this.maxBytes) this.chunks.push(chunk);
    else this.chunks.length = 0; // over the limit: nothing more is held
  }

  finish(): CollectedBytes {
    const overLimit = this.size > this.maxBytes;
    return {
      bytes: overLimit ? null : Buffer.concat(this.chunks, this.size),
      size: this.size,
      sha256: this.hash.digest('hex'),
      head: Buffer.concat(this.headParts, this.headSize),
      overLimit,
    };
  }
}

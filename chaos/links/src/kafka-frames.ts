/**
 * Splits a Kafka byte stream into whole frames: a 4-byte big-endian size, then that many
 * bytes. Feeds may cut a frame anywhere; the splitter keeps the rest for the next feed.
 */
export class FrameSplitter {
  // Chunks not yet part of a whole frame. Kept as a list and joined once a frame is
  // complete: a 1 MB fetch response arrives in ~16 chunks, and joining at every chunk
  // would copy it 16 times.
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Largest frame accepted: the broker's default socket.request.max.bytes is 100 MiB. */
  constructor(private readonly maxFrameBytes = 100 * 1024 * 1024) {}

  feed(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      const head = this.chunks[0]!.length >= 4 ? this.chunks[0]! : this.join();
      const size = head.readInt32BE(0);
      if (size < 0 || size > this.maxFrameBytes) {
        throw new Error(`not a Kafka stream: frame size ${size}`);
      }
      if (this.buffered < 4 + size) break;
      const all = this.join();
      frames.push(all.subarray(0, 4 + size));
      const rest = all.subarray(4 + size);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }

  private join(): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [all];
    return all;
  }
}

/** Reads the primitive types of Kafka's classic (non-flexible) encoding. */
export class KafkaReader {
  constructor(
    readonly buf: Buffer,
    public offset = 0,
  ) {}

  int16(): number {
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /** STRING or NULLABLE_STRING: int16 length (-1 = null), then UTF-8 bytes. */
  string(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    const v = this.buf.toString('utf8', this.offset, this.offset + len);
    this.offset += len;
    return v;
  }
}

export function encodeString(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeInt16BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

export function encodeInt32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

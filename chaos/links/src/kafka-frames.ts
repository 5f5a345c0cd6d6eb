/**
 * Splits a Kafka byte stream into whole frames: a 4-byte big-endian size, then that many
 * bytes. Feeds may cut a frame anywhere; the splitter keeps the rest for the next feed.
 */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);

  /** Largest frame accepted: the broker's default socket.request.max.bytes is 100 MiB. */
  constructor(private readonly maxFrameBytes = 100 * 1024 * 1024) {}

  feed(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Buffer[] = [];
    while (this.pending.length >= 4) {
      const size = this.pending.readInt32BE(0);
      if (size < 0 || size > this.maxFrameBytes) {
        throw new Error(`not a Kafka stream: frame size ${size}`);
      }
      if (this.pending.length < 4 + size) break;
      frames.push(this.pending.subarray(0, 4 + size));
      this.pending = this.pending.subarray(4 + size);
    }
    return frames;
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

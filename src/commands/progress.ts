// A one-line progress bar on a terminal's stderr for long runs; nothing when stderr is not a TTY.
export interface Progress {
  tick(): void;
  /** Clears the bar so that a line can be printed above it. */
  clear(): void;
  done(): void;
}

const WIDTH = 30;
/** Short runs finish before a bar helps. */
const MIN_TOTAL = 20;

export function progressBar(stream: NodeJS.WriteStream | NodeJS.WritableStream, total: number): Progress {
  const tty = 'isTTY' in stream && stream.isTTY === true;
  if (!tty || total < MIN_TOTAL) return { tick() {}, clear() {}, done() {} };
  let count = 0;
  const draw = () => {
    const filled = Math.round((count / total) * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count}/${total}`);
  };
  return {
    tick() {
      count += 1;
      draw();
    },
    clear() {
      stream.write('\r\x1b[K');
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}

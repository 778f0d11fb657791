// A one-line progress indicator on stderr, only on a terminal (never in pipes, CI logs or tests).
export interface Progress {
  update(done: number, total: number, what: string): void;
  done(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return { update() {}, done() {} };
  let frame = 0;
  let shown = false;
  return {
    update(done, total, what) {
      frame = (frame + 1) % FRAMES.length;
      const line = `${FRAMES[frame]} ${what} ${done}/${total}`;
      stream.write(`\r\x1b[2K${line.slice(0, Math.max(10, (stream.columns ?? 80) - 1))}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

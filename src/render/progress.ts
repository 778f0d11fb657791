// A one-line progress indicator on stderr, only on a terminal (never in pipes, CI logs or tests).
// Nothing is shown during the first second (`delayMs`): a quick report stays silent; a slow one
// says what it is doing ("Drawing diagram 3 of 5", "Writing the PDF").
export interface Progress {
  /** A counted step: "what done/total". */
  update(done: number, total: number, what: string): void;
  /** A step without a count ("Writing the PDF"). */
  say(what: string): void;
  done(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface ProgressOptions { delayMs?: number; env?: NodeJS.ProcessEnv }

export function progress(stream: NodeJS.WriteStream = process.stderr, opts: ProgressOptions = {}): Progress {
  const env = opts.env ?? process.env;
  if (!stream.isTTY || env.CI) return { update() {}, say() {}, done() {} };
  const delay = opts.delayMs ?? 1000;
  let frame = 0;
  let shown = false;
  let pending: string | undefined;
  let ready = delay <= 0;
  const show = (text: string) => {
    frame = (frame + 1) % FRAMES.length;
    const line = `${FRAMES[frame]} ${text}`;
    // A terminal that does not tell its width (columns 0 or unset) is taken as 80 wide.
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(10, (stream.columns || 80) - 1))}`);
    shown = true;
  };
  const timer = ready ? undefined : setTimeout(() => {
    ready = true;
    if (pending !== undefined) show(pending);
  }, delay);
  timer?.unref?.();
  const say = (text: string) => {
    pending = text;
    if (ready) show(text);
  };
  return {
    update(done, total, what) {
      say(`${what} ${done}/${total}`);
    },
    say,
    done() {
      if (timer) clearTimeout(timer);
      pending = undefined;
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

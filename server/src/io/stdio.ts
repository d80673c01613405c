/**
 * The command line's output, written straight to file descriptors 1 and 2, so
 * that a short run does not pay for setting up process.stdout's stream. When
 * a descriptor cannot take a write at once (EAGAIN: a non-blocking pipe), the
 * rest goes through the stream, and so does everything after it, in order.
 * A reader that stops reading (`... | head`: EPIPE) is not an error: the run
 * ends quietly with the exit code it had.
 */
import { writeSync } from 'fs';

type Fd = 1 | 2;

const streamed = new Set<Fd>();

function stream(fd: Fd): NodeJS.WriteStream {
  const s = fd === 1 ? process.stdout : process.stderr;
  if (!streamed.has(fd)) {
    streamed.add(fd);
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return s;
}

export function writeTo(fd: Fd, text: string): void {
  if (streamed.has(fd)) {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (code !== 'EAGAIN') throw e;
    stream(fd).write(bytes.subarray(done));
  }
}

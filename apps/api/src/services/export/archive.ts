import { stringify } from 'csv-stringify';
import { Readable, Transform } from 'node:stream';
import { ZipFile } from 'yazl';
import type { WrittenFileCheck } from './written-check';

export interface ArchiveFile {
  readonly name: string;
  readonly content: string;
}

export interface ArchiveParts {
  /** Files written before data.csv (all known up front). */
  readonly before: readonly ArchiveFile[];
  readonly header: readonly string[];
  /** The rows of data.csv, produced as the zip is read (so only what is in flight is in memory). */
  readonly rows: AsyncIterable<readonly string[]>;
  /** Sees every byte of data.csv as it goes into the zip. */
  readonly checker: { write(chunk: Buffer): void; finish(): Promise<WrittenFileCheck> };
  /** Files written after data.csv, given the checker's verdict. */
  readonly after: (check: WrittenFileCheck) => readonly ArchiveFile[];
  readonly mtime: Date;
  /** Called once when the archive cannot be completed (the stream is then destroyed with the error). */
  readonly onFailure: (error: Error) => void;
}

/**
 * The export as a zip stream: rows -> CSV -> (checker) -> deflate -> zip -> the HTTP response, with backpressure the
 * whole way, so the database is read only as fast as the client downloads. If data.csv fails its check, the archive
 * is cut off before its end: the client gets a broken download, never an unsafe file.
 */
export function exportArchive(parts: ArchiveParts): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  const rows = Readable.from(parts.rows);
  const csv = stringify({ header: true, columns: [...parts.header] });
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      parts.checker.write(chunk);
      done(null, chunk);
    },
  });
  let failed = false;
  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    parts.onFailure(error);
    for (const stream of [rows, csv, tee]) stream.destroy();
    output.destroy(error);
  };
  for (const stream of [rows, csv, tee]) stream.on('error', fail);
  zip.on('error', fail);
  // A client that goes away stops the reading too (its 'close' also follows a normal end, when nothing is left to stop).
  output.once('close', () => {
    for (const stream of [rows, csv, tee]) stream.destroy();
  });

  for (const file of parts.before) zip.addBuffer(Buffer.from(file.content, 'utf8'), file.name, { mtime: parts.mtime });
  rows.pipe(csv).pipe(tee);
  zip.addReadStream(tee, 'data.csv', { mtime: parts.mtime });
  // 'finish': every chunk of data.csv has passed the checker (the zip may still be compressing the last of it).
  tee.on('finish', () => {
    parts.checker.finish().then(
      (check) => {
        if (failed) return;
        if (!check.ok) return fail(new Error(`data.csv failed its anonymity check: ${check.problems.slice(0, 3).join('; ')}`));
        for (const file of parts.after(check)) zip.addBuffer(Buffer.from(file.content, 'utf8'), file.name, { mtime: parts.mtime });
        zip.end();
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  });
  return output;
}

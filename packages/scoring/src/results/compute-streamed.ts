import { startComputation } from './compute';
import type { PublishedResults, StreamedMeasurementInput } from './types';

/**
 * computeMeasurementResults for responses that arrive asynchronously (pages read off a database inside the closing
 * transaction): the same computation, fed page by page, so that no more than one page is held at a time. Still no
 * I/O here: the caller's iterable does the reading; this only waits for it.
 */
export async function computeMeasurementResultsFrom(input: StreamedMeasurementInput): Promise<PublishedResults> {
  const computation = startComputation(input);
  for await (const page of input.pages) {
    for (const response of page) computation.add(response);
  }
  return computation.finish();
}

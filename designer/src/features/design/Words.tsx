import type { Part } from './changeWords.ts';

/** A line whose parts that are the procedure's own text (names, expressions, file names) are kept from page translation. */
export function Words({ parts }: { parts: readonly Part[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.data ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed line, never reordered
          <span key={i} translate="no">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
